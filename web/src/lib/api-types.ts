// Generated from openapi/openapi.json by `npm run web:client`; do not edit.

export interface paths {
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and readiness: does the database answer, is a job worker alive (no key needed) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The service answers (status says whether everything is well) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Health"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description The database does not answer */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Health"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health/details": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's view: workers, the last sync, the job queue and stuck work */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Health in detail */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["HealthDetails"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A dependency (the product or a source database) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/opportunities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List ACE and Odoo opportunities (filter, sort, cursor pagination) */
        get: {
            parameters: {
                query?: {
                    source?: "ace" | "odoo";
                    stage?: string;
                    /** @description Words in the customer name or title, or an exact source id */
                    q?: string;
                    close_from?: string;
                    close_to?: string;
                    aws_account_id?: string;
                    sort?: "close_date" | "customer_name" | "updated_at" | "amount";
                    order?: "asc" | "desc";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of opportunities */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["OpportunityPage"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/opportunities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One opportunity with every normalised field */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The opportunity */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["OpportunityDetail"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ingestion/{source}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Queue a sync of one source (or all) into RAW
         * @description Returns the queued job (202). While a sync with the same parameters is queued or running, that job is returned (200) instead of a new one.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description A configured source name, or `all` */
                    source: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["SyncRequest"];
                };
            };
            responses: {
                /** @description The same sync was already queued or running */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Job"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description A new job was queued */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Job"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent jobs, newest first, with their progress */
        get: {
            parameters: {
                query?: {
                    /** @description comma-separated statuses, e.g. `queued,running` */
                    status?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Jobs */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Job"][];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status and progress of a job */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The job */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Job"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matching/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Match one ACE opportunity now, or queue matching of all of them
         * @description With `ace_id`, the opportunity is matched at once with the current model and its candidates are returned (200). Without it, a matching job is queued (202; 200 when the same job is already queued or running); `mode: full` re-estimates the model.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["MatchingRequest"];
                };
            };
            responses: {
                /** @description Candidates of the ACE opportunity (or the already queued job) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                ace_id: string;
                                matches: components["schemas"]["Match"][];
                            } | components["schemas"]["Job"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Matching job queued */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Job"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Candidates of one ACE opportunity, or the current links */
        get: {
            parameters: {
                query?: {
                    /** @description all candidates of this ACE opportunity, best first */
                    ace_id?: string;
                    /** @description without ace_id: links in this band */
                    band?: "auto_link" | "review" | "no_link";
                    limit?: number;
                    /** @description without ace_id: links after this match id */
                    after?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Matches */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Match"][];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matches/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Confirm that this pair is a match
         * @description Recorded append-only, attributed to the API key (a `reviewer` in the body is kept as a display name), applied to the links at once, and used as a label when the model is next estimated. Send `If-Match` with the match's `etag` (428 without; 409 when the ACE opportunity was reviewed since). Confirming a pair while another pair of the same ACE opportunity stands confirmed supersedes that confirmation (recorded as its rejection, and audited).
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the etag of the match as you saw it */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["MatchReview"];
                };
            };
            responses: {
                /** @description The match after the decision */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Match"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match is required: say which state you saw */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matches/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Reject this pair
         * @description Recorded append-only, attributed to the API key (a `reviewer` in the body is kept as a display name), applied to the links at once, and used as a label when the model is next estimated. Send `If-Match` with the match's `etag` (428 without; 409 when the ACE opportunity was reviewed since). Confirming a pair while another pair of the same ACE opportunity stands confirmed supersedes that confirmation (recorded as its rejection, and audited).
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the etag of the match as you saw it */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["MatchReview"];
                };
            };
            responses: {
                /** @description The match after the decision */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Match"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match is required: say which state you saw */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/{ruleset}/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The published ruleset (latest, or one version) with its YAML and resolved rules
         * @description Before anything is published, the tenant's own file is returned with `version: null` (what the first evaluation will publish).
         */
        get: {
            parameters: {
                query?: {
                    version?: number;
                };
                header?: never;
                path: {
                    ruleset: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The ruleset */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["RulesetConfig"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Validate and publish a new version of the ruleset
         * @description The YAML is validated (schema, `extends`, every condition type-checked against the fact catalogue) and published as the next immutable version, attributed to the API key (an `author` in the body is kept as a display name beside it). 201 when a version was created, 200 when the content equals the latest version (nothing stored). The YAML's `ruleset:` must name the ruleset of the path.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ruleset: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RulesetText"] & {
                        author?: string;
                    };
                };
            };
            responses: {
                /** @description Unchanged: the latest version */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["RulesetConfig"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Published */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["RulesetConfig"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/{ruleset}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every published version of the ruleset, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ruleset: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Versions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["RulesetVersionSummary"][];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/{ruleset}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed between two published versions */
        get: {
            parameters: {
                query: {
                    from: number;
                    to: number;
                };
                header?: never;
                path: {
                    ruleset: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The difference */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["RulesetDiff"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/{ruleset}/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * How an edited ruleset would change today's decisions, before it is published
         * @description Evaluates the current version and the candidate side by side on the same facts at `as_of` (today unless given): counts per outcome, the rules diff and every opportunity whose outcome moves. Writes nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ruleset: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RulesetText"] & {
                        /** Format: date */
                        as_of?: string;
                    };
                };
            };
            responses: {
                /** @description The simulation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["SimulationReport"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/decisions/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Queue a POD evaluation of every ACE opportunity (or some) at an as-of date
         * @description Evaluates with the latest published ruleset version unless `version` names another; each opportunity whose facts or version changed gets a new decision (append-only). Returns the job (202; 200 when the same job is already queued or running).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["EvaluateRequest"];
                };
            };
            responses: {
                /** @description The same job, already queued */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Job"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Queued */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Job"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current decision of every ACE opportunity: filter, search, sort, page */
        get: {
            parameters: {
                query?: {
                    outcome?: components["schemas"]["Outcome"];
                    /** @description rule id that failed or asked for review */
                    rule?: string;
                    /** @description with rule: only this result (fail or review unless given) */
                    rule_result?: "fail" | "review" | "not_evaluated" | "pass";
                    stage?: string;
                    /** @description opportunity ownership, e.g. Partner Referral */
                    owner?: string;
                    /** @description target close date on or after */
                    close_from?: string;
                    /** @description target close date on or before */
                    close_to?: string;
                    /** @description text in id, customer, title, account */
                    q?: string;
                    /** @description evaluated at or after (ISO 8601) */
                    evaluated_from?: string;
                    /** @description evaluated before (ISO 8601) */
                    evaluated_to?: string;
                    sort?: "ace_id" | "customer_name" | "target_close_date" | "probability" | "expected_monthly_spend" | "evaluated_at";
                    order?: "asc" | "desc";
                    limit?: number;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of decisions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                items: components["schemas"]["DecisionSummary"][];
                                next_cursor: string | null;
                            };
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/decisions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One decision: every rule with its inputs and explanation, the facts, the match and reviews */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The decision */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["DecisionDetail"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/decisions/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Approve the decision (a note is required)
         * @description Recorded append-only and audited, attributed to the API key (a `reviewer` in the body is kept as a display name beside it). Send `If-Match` with the decision's `etag` (428 without): a decision reviewed since, or no longer the opportunity's current one, is a 409. A second review replaces the first visibly (`supersedes_review_id`).
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the etag of the decision as you saw it */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DecisionReviewRequest"];
                };
            };
            responses: {
                /** @description The review */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["DecisionReview"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match is required: say which state you saw */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/decisions/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Reject the decision (a note is required)
         * @description Recorded append-only and audited, attributed to the API key (a `reviewer` in the body is kept as a display name beside it). Send `If-Match` with the decision's `etag` (428 without): a decision reviewed since, or no longer the opportunity's current one, is a 409. A second review replaces the first visibly (`supersedes_review_id`).
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the etag of the decision as you saw it */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DecisionReviewRequest"];
                };
            };
            responses: {
                /** @description The review */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["DecisionReview"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description If-Match is required: say which state you saw */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log: rulesets published, evaluations, reviews, match confirmations */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    actor?: string;
                    subject_type?: string;
                    subject_id?: string;
                    /** @description at or after (ISO 8601) */
                    from?: string;
                    /** @description before (ISO 8601) */
                    to?: string;
                    limit?: number;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of events, newest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                items: components["schemas"]["AuditEvent"][];
                                next_cursor: string | null;
                            };
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/opportunities/{ace_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The history of one ACE opportunity: its decisions and every act about it, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ace_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The history */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                ace_id: string;
                                current_decision_id: string | null;
                                entries: components["schemas"]["HistoryEntry"][];
                            };
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Opportunities, decisions, value at stake, match and data quality, last syncs */
        get: {
            parameters: {
                query?: {
                    /** @description days of outcome history */
                    days?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The dashboard */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Dashboard"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customers → payer accounts → linked accounts, and the payer accounts (searchable) */
        get: {
            parameters: {
                query?: {
                    /** @description Words of a customer or account name or alias, or digits of an AWS account number */
                    q?: string;
                    /** @description customers per page */
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The selectable hierarchy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["BillingAccounts"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Totals for the selection and period: cost, invoice, margin, restated months, the cost taken apart */
        get: {
            parameters: {
                query?: {
                    /** @description First period: YYYY-MM, YYYY-Qn (its first month) or YYYY; default: 11 months before `to` */
                    from?: string;
                    /** @description Last period (its last month); default: the latest month with AWS cost */
                    to?: string;
                    /** @description Cost basis. gross: everything but credits, refunds and discounts; net: gross + credits + refunds; net_of_discounts: net − the SPP and distributor discounts AWS paid (statements) */
                    basis?: "gross" | "net" | "net_of_discounts";
                    /** @description invoice: posted final invoices (per customer only); bill: staging bills (per AWS account and customer) */
                    invoice_basis?: "invoice" | "bill";
                    /** @description Accounts: refs or 12-digit AWS account numbers, comma-separated */
                    accounts?: string;
                    /** @description Payer accounts (refs or numbers): each with every account it pays for */
                    payers?: string;
                    /** @description Customer company ids, comma-separated */
                    customers?: string;
                    /** @description AWS services, comma-separated, any common spelling */
                    services?: string;
                    /** @description Product ids (invoice and bill lines), comma-separated */
                    products?: string;
                    /** @description csv: the same rows as text/csv, with currency and bases on every row */
                    format?: "json" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The figures (JSON), or the same rows as CSV with format=csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["BillingSummary"];
                            metadata: components["schemas"]["Metadata"];
                        };
                        "text/csv": string;
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/timeseries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cost, invoice and margin per month, quarter or year, optionally split by a group */
        get: {
            parameters: {
                query?: {
                    /** @description First period: YYYY-MM, YYYY-Qn (its first month) or YYYY; default: 11 months before `to` */
                    from?: string;
                    /** @description Last period (its last month); default: the latest month with AWS cost */
                    to?: string;
                    /** @description Cost basis. gross: everything but credits, refunds and discounts; net: gross + credits + refunds; net_of_discounts: net − the SPP and distributor discounts AWS paid (statements) */
                    basis?: "gross" | "net" | "net_of_discounts";
                    /** @description invoice: posted final invoices (per customer only); bill: staging bills (per AWS account and customer) */
                    invoice_basis?: "invoice" | "bill";
                    /** @description Accounts: refs or 12-digit AWS account numbers, comma-separated */
                    accounts?: string;
                    /** @description Payer accounts (refs or numbers): each with every account it pays for */
                    payers?: string;
                    /** @description Customer company ids, comma-separated */
                    customers?: string;
                    /** @description AWS services, comma-separated, any common spelling */
                    services?: string;
                    /** @description Product ids (invoice and bill lines), comma-separated */
                    products?: string;
                    /** @description csv: the same rows as text/csv, with currency and bases on every row */
                    format?: "json" | "csv";
                    granularity?: "month" | "quarter" | "year";
                    /** @description one series per group (largest first) */
                    split_by?: "account" | "customer" | "payer" | "service" | "product";
                    /** @description series kept when split; the rest are summed as `other` */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The figures (JSON), or the same rows as CSV with format=csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["BillingTimeseries"];
                            metadata: components["schemas"]["Metadata"];
                        };
                        "text/csv": string;
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/breakdown": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cost, invoice and margin per account, customer, payer, service or product, sorted and limited */
        get: {
            parameters: {
                query: {
                    /** @description First period: YYYY-MM, YYYY-Qn (its first month) or YYYY; default: 11 months before `to` */
                    from?: string;
                    /** @description Last period (its last month); default: the latest month with AWS cost */
                    to?: string;
                    /** @description Cost basis. gross: everything but credits, refunds and discounts; net: gross + credits + refunds; net_of_discounts: net − the SPP and distributor discounts AWS paid (statements) */
                    basis?: "gross" | "net" | "net_of_discounts";
                    /** @description invoice: posted final invoices (per customer only); bill: staging bills (per AWS account and customer) */
                    invoice_basis?: "invoice" | "bill";
                    /** @description Accounts: refs or 12-digit AWS account numbers, comma-separated */
                    accounts?: string;
                    /** @description Payer accounts (refs or numbers): each with every account it pays for */
                    payers?: string;
                    /** @description Customer company ids, comma-separated */
                    customers?: string;
                    /** @description AWS services, comma-separated, any common spelling */
                    services?: string;
                    /** @description Product ids (invoice and bill lines), comma-separated */
                    products?: string;
                    /** @description csv: the same rows as text/csv, with currency and bases on every row */
                    format?: "json" | "csv";
                    group_by: "account" | "customer" | "payer" | "service" | "product";
                    /** @description default: cost (invoice for products) */
                    sort?: "cost" | "invoice" | "margin" | "margin_pct" | "name";
                    order?: "asc" | "desc";
                    /** @description groups returned; the rest are summed as `other` */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The figures (JSON), or the same rows as CSV with format=csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["BillingBreakdown"];
                            metadata: components["schemas"]["Metadata"];
                        };
                        "text/csv": string;
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/write-backs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Write-backs to Partner Central, newest first, with the count in each status (of the ACE opportunity asked for, if any) */
        get: {
            parameters: {
                query?: {
                    /** @description one status or several (repeat the parameter) */
                    status?: components["schemas"]["WriteBackStatus"] | components["schemas"]["WriteBackStatus"][];
                    ace_id?: string;
                    limit?: number;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of write-backs and the counts by status */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                items: components["schemas"]["WriteBack"][];
                                counts: {
                                    pending_approval?: number;
                                    approved?: number;
                                    held?: number;
                                    dry_run?: number;
                                    succeeded?: number;
                                    failed?: number;
                                    superseded?: number;
                                };
                                next_cursor: string | null;
                            };
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/write-backs/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve write-backs in a batch; queues the write-back job that runs them
         * @description Only writes waiting for approval move; the others are reported as not approved. The approver is the API key (the audit log records it).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        write_ids: string[];
                    };
                };
            };
            responses: {
                /** @description What was approved, and the job that runs it (null when nothing was) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                approved: string[];
                                not_approved: string[];
                                job: components["schemas"]["Job"] & (Record<string, never> | null);
                            };
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant’s schedules (tenant.yaml) with their last and next run */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Each schedule */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Schedule"][];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The kept POD reports, newest first (summaries; the CSV and HTML are read one by one) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of reports */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                items: components["schemas"]["Report"][];
                                next_cursor: string | null;
                            };
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Make a POD report now: queues the report job (a period made again is a new report)
         * @description Without `period`, the month of yesterday (on the 1st, the month that just ended; later, the running month). A past month reads the decisions as they stood on the first day after it. Returns the job (202; 200 when the same job is already queued or running).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["MakeReportRequest"];
                };
            };
            responses: {
                /** @description The same job, already queued */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Job"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Queued */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Job"];
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}/csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A report as CSV: one row per ACE opportunity, its reasons, spend, link and change */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The CSV, as an attachment named after its period */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}/html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A report as one printable HTML page (self-contained: nothing is fetched) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ace-work-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What approved ACE opportunities still need in ACE: each field, its value, the value it should have, why
         * @description One item per change, ordered by ACE id. The partner CRM id item is the Partner Central write-back’s draft when the tenant writes back (with the write and its status).
         */
        get: {
            parameters: {
                query?: {
                    /** @description the day dates are judged at; today unless given */
                    as_of?: string;
                    /** @description csv: the same items as text/csv */
                    format?: "json" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The work list (JSON), or the same items as CSV with format=csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["WorkList"];
                            metadata: components["schemas"]["Metadata"];
                        };
                        "text/csv": string;
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notifications sent, pending and failed, newest first */
        get: {
            parameters: {
                query?: {
                    status?: components["schemas"]["NotificationStatus"] | components["schemas"]["NotificationStatus"][];
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of notifications */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                items: components["schemas"]["Notification"][];
                                next_cursor: string | null;
                            };
                            metadata: components["schemas"]["Metadata"];
                        };
                    };
                };
                /** @description Invalid input (the field is named in the message and details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key (429 after repeated failures from one client) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @enum {string} */
        AceStage: "Prospect" | "Qualified" | "Technical Validation" | "Business Validation" | "Committed" | "Launched" | "Closed Lost";
        /** @enum {string} */
        AceOwnership: "Partner Referral" | "AWS Referral";
        Health: {
            /**
             * @description degraded: no live job worker (details: or work is stuck); down: the database does not answer
             * @enum {string}
             */
            status: "ok" | "degraded" | "down";
            database: {
                ok: boolean;
                latency_ms: number | null;
            };
            worker: {
                ok: boolean;
            };
        };
        Metadata: {
            /** @example 6f1c2d3e-8a9b-4c5d-9e0f-112233445566 */
            correlation_id: string;
            /** @example 12.5 */
            processing_time_ms: number;
            /** @example 0.1.0 */
            version: string;
        };
        HealthDetails: {
            /**
             * @description degraded: no live job worker (details: or work is stuck); down: the database does not answer
             * @enum {string}
             */
            status: "ok" | "degraded" | "down";
            database: {
                ok: boolean;
                latency_ms: number | null;
            };
            worker: {
                ok: boolean;
                live_workers: number;
                last_seen_at: string | null;
            };
            last_sync: {
                sync_id: string;
                status: string;
                started_at: string;
                finished_at: string | null;
            } | null;
            jobs: {
                queued: number;
                running: number;
                /** @description running on a worker that is gone */
                stuck: number;
            };
            stuck_jobs: {
                job_id: string;
                kind: string;
                started_at: string | null;
                worker_id: string | null;
            }[];
        };
        Error: {
            error: {
                /** @example validation_failed */
                code: string;
                /** @example limit: Too big: expected number to be <=500 */
                message: string;
                details?: Record<string, never>;
                correlation_id: string;
            };
        };
        OpportunityPage: {
            items: components["schemas"]["OpportunitySummary"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        OpportunitySummary: {
            /**
             * @description System-prefixed id: ace:<ACE id> or odoo:<crm_lead.id>
             * @example ace:O1234567
             */
            id: string;
            /** @enum {string} */
            source: "ace" | "odoo";
            source_id: string;
            customer_name: string | null;
            title: string | null;
            stage: string | null;
            status: string | null;
            /** Format: date */
            close_date: string | null;
            /** @description Decimal string (exact); monthly for ACE, total for Odoo */
            amount: string | null;
            /** @enum {string} */
            amount_period: "monthly" | "total";
            aws_account_id: string | null;
            domain: string | null;
            /** @description ACE ownership or Odoo origination */
            origin: string | null;
            owner: string | null;
            country_code: string | null;
            state_code: string | null;
            updated_at: string | null;
        };
        OpportunityDetail: components["schemas"]["OpportunitySummary"] & {
            /** @description Every normalised CORE field */
            fields: {
                [key: string]: unknown;
            };
            raw: {
                source: string;
                table: string;
                pk: string;
            };
        };
        Job: {
            /** Format: uuid */
            id: string;
            /** @example sync */
            kind: string;
            /** @enum {string} */
            status: "queued" | "running" | "succeeded" | "failed";
            payload: {
                [key: string]: unknown;
            };
            /** @description the API key (its name) that asked, or system */
            requested_by: string;
            progress: {
                done: number;
                total: number | null;
                message: string | null;
            };
            attempts: number;
            last_error: string | null;
            result?: unknown;
            created_at: string;
            started_at: string | null;
            finished_at: string | null;
        };
        SyncRequest: {
            /**
             * @default incremental
             * @enum {string}
             */
            mode: "incremental" | "full";
        };
        Match: {
            /** @example 4711 */
            id: string;
            ace_id: string;
            odoo_lead_id: string;
            probability: number;
            /** @enum {string} */
            band: "auto_link" | "review" | "no_link";
            rank: number;
            /** @description the current link of this ACE opportunity */
            selected: boolean;
            /** @description blocking rules that proposed the pair */
            provenance: string[];
            explanation: components["schemas"]["MatchExplanation"];
            review: {
                /** @enum {string} */
                decision: "confirm" | "reject";
                /** @description the API key (its name) that reviewed */
                reviewer: string;
                /** @description the name the reviewer gave */
                display_name: string | null;
                note: string | null;
                at: string;
            } | null;
            /** @description the review state; send it as If-Match with confirm or reject */
            etag: string;
            odoo: {
                title: string | null;
                customer_name: string | null;
                stage: string | null;
                close_date: string | null;
                amount: string | null;
            } | null;
            model_id: string;
            updated_at: string;
        };
        /** @description The waterfall: prior bits + each comparison − competition = log-odds of the probability (in bits) */
        MatchExplanation: {
            prior: {
                lambda: number;
                stratum: string | null;
                candidates: number;
                bits: number;
            };
            contributions: {
                comparison: string;
                level: string;
                value: number | string | null;
                /** @description log2 Bayes factor added by this comparison */
                bits: number;
                m: number | null;
                u: number | null;
                /** @description term-frequency adjustment, included in bits: the share of records carrying the agreeing value (rare values weigh more) */
                term_frequency?: {
                    share: number;
                    bits: number;
                } | null;
                /** @description for a comparison weighed given another (m and u estimated per level of that one): that comparison and its level in this pair */
                given?: {
                    comparison: string;
                    level: string;
                } | null;
            }[];
            competition: {
                /** @description taken away by the other candidates of the same record */
                bits: number;
            };
            /** @description links are decided jointly with the other records competing for the same counterparts (a customer’s deals together) */
            joint?: {
                /** @description the pair's probability on its own record's evidence alone */
                own_probability: number;
                /** @description taken away by other left records claiming the same right record */
                rival_bits: number;
                /** @description taken away by the same record’s other candidates after the joint step (replaces competition) */
                competition_bits: number;
                /** @description the strongest other claims on this right record, with their probabilities */
                rivals: {
                    left_id: string;
                    probability: number;
                }[];
                /** @description the right record re-enters this earlier one, also a candidate: the evidence went to the earlier record and this pair is 0 */
                reentry_of?: string;
                /** @description on a record’s best pair when a runner-up (often another deal of the same customer) was close on its own: what tells the two apart */
                preferred_over?: {
                    right_id: string;
                    probability: number;
                    own_probability: number;
                    differences: {
                        comparison: string;
                        level: string;
                        other_level: string;
                        /** @description bits this pair minus bits the runner-up */
                        bits: number;
                    }[];
                } | null;
            } | null;
            /** @description another left record links the same right record with this higher probability: the link is held for review */
            contested?: {
                left_id: string;
                probability: number;
            } | null;
        };
        MatchingRequest: {
            ace_id?: string;
            /**
             * @default auto
             * @enum {string}
             */
            mode: "auto" | "full";
        };
        MatchReview: {
            /** @description a display name kept beside the API key, which is the actor */
            reviewer?: string;
            note?: string;
        };
        RulesetConfig: {
            ruleset: string;
            /** @description null: not published yet (the tenant's file) */
            version: number | null;
            content_hash: string;
            author: string | null;
            published_at: string | null;
            /** @description this ruleset's own YAML */
            yaml: string;
            /** @description YAML of every file it resolves from */
            source: {
                [key: string]: string;
            };
            content: components["schemas"]["RulesetContent"];
        };
        RulesetContent: {
            ruleset: string;
            description: string;
            parameters: {
                [key: string]: number | string | boolean | number[] | string[] | boolean[];
            };
            rules: components["schemas"]["RuleDefinition"][];
        };
        RuleDefinition: {
            id: string;
            description: string;
            /** @enum {string} */
            severity: "critical" | "review";
            enabled: boolean;
            requires: string[];
            review_if: string | null;
            pass: string;
            fail: string | null;
            explanation: string | {
                pass?: string;
                fail?: string;
                review?: string;
            };
            facts: string[] | null;
        };
        RulesetText: {
            yaml: string;
        };
        RulesetVersionSummary: {
            ruleset: string;
            version: number;
            content_hash: string;
            author: string;
            published_at: string;
            rules: string[];
            files: string[];
        };
        RulesetDiff: {
            identical: boolean;
            description: {
                before: string;
                after: string;
            } | null;
            rules_added: string[];
            rules_removed: string[];
            rules_changed: {
                id: string;
                changes: {
                    field: string;
                    before?: unknown;
                    after?: unknown;
                }[];
            }[];
            rule_order: {
                before: string[];
                after: string[];
            } | null;
            parameters_added: {
                name: string;
                value: number | string | boolean | number[] | string[] | boolean[];
            }[];
            parameters_removed: {
                name: string;
                value: number | string | boolean | number[] | string[] | boolean[];
            }[];
            parameters_changed: {
                name: string;
                before: number | string | boolean | number[] | string[] | boolean[];
                after: number | string | boolean | number[] | string[] | boolean[];
            }[];
        };
        SimulationReport: {
            as_of: string;
            current: {
                ruleset: string;
                version: number | null;
                content_hash: string;
            };
            candidate: {
                ruleset: string;
                content_hash: string;
            };
            diff: components["schemas"]["RulesetDiff"];
            evaluated: number;
            counts: {
                current: {
                    auto_approve: number;
                    needs_review: number;
                    auto_reject: number;
                };
                candidate: {
                    auto_approve: number;
                    needs_review: number;
                    auto_reject: number;
                };
            };
            /** @description opportunities whose rule results change but not their outcome */
            rules_changed_only: number;
            changes: {
                ace_id: string;
                customer_name: string | null;
                /** @description the opportunity's current decision; null when it has none yet */
                decision_id: string | null;
                before: components["schemas"]["Outcome"];
                after: components["schemas"]["Outcome"];
                rules: {
                    rule_id: string;
                    /** @enum {string|null} */
                    before: "pass" | "fail" | "review" | "not_evaluated" | "disabled" | null;
                    /** @enum {string|null} */
                    after: "pass" | "fail" | "review" | "not_evaluated" | "disabled" | null;
                }[];
            }[];
        };
        /** @enum {string} */
        Outcome: "auto_approve" | "needs_review" | "auto_reject";
        EvaluateRequest: {
            /**
             * Format: date
             * @description today unless given
             */
            as_of?: string;
            /** @description pod unless given */
            ruleset?: string;
            version?: number;
            ace_ids?: string[];
        };
        DecisionSummary: {
            decision_id: string;
            ace_id: string;
            customer_name: string | null;
            outcome: components["schemas"]["Outcome"];
            ruleset: string;
            ruleset_version: number;
            content_hash: string;
            /** @description the evaluation date (YYYY-MM-DD) */
            as_of: string;
            evaluated_at: string;
            failed_rules: string[];
            review_rules: string[];
            not_evaluated_rules: string[];
            /** @description the newest reviewer's approval or rejection */
            review: {
                /** @enum {string} */
                action: "approve" | "reject";
                reviewer: string;
                note: string;
                at: string;
            } | null;
            /** @description the review state; send it as If-Match with approve or reject */
            etag: string;
            title: string | null;
            stage: string | null;
            opportunity_ownership: string | null;
            target_close_date: string | null;
            /** @description USD per month (ACE project budget) */
            expected_monthly_spend: number | null;
            aws_account_id: string | null;
            best_match: components["schemas"]["BestMatch"] | null;
        };
        BestMatch: {
            candidate_id: string;
            odoo_lead_id: string;
            odoo_title: string | null;
            odoo_customer_name: string | null;
            probability: number;
            band: string;
            /**
             * @description a reviewer's newest word on it
             * @enum {string|null}
             */
            review: "confirm" | "reject" | null;
        };
        DecisionDetail: components["schemas"]["DecisionSummary"] & {
            is_current: boolean;
            current_decision_id: string;
            rules: components["schemas"]["RuleTrace"][];
            /** @description every fact the rules could use */
            facts: {
                [key: string]: unknown;
            };
            /** @description the candidate the match facts came from */
            match: components["schemas"]["Match"] | null;
            /** @description the 20 latest reviews, newest first (every review is in the history) */
            reviews: components["schemas"]["DecisionReview"][];
            /** @description how many times the decision was reviewed */
            reviews_total: number;
            run_id: string;
            job_id: string | null;
            actor: string;
        };
        RuleTrace: {
            rule_id: string;
            description: string;
            /** @enum {string} */
            severity: "critical" | "review";
            /** @enum {string} */
            result: "pass" | "fail" | "review" | "not_evaluated" | "disabled";
            /** @description fact path → the value used */
            inputs: {
                [key: string]: unknown;
            };
            /** @description the rule explained in plain language with those values */
            explanation: string;
            /** @description facts that were unavailable (not_evaluated) */
            missing: string[];
            error?: string;
        };
        DecisionReview: {
            review_id: string;
            decision_id: string;
            ace_id: string;
            /** @enum {string} */
            action: "approve" | "reject";
            note: string;
            /** @description the API key (its name) that reviewed */
            reviewer: string;
            /** @description the name the reviewer gave */
            reviewer_display_name: string | null;
            /** @description the earlier verdict this replaced */
            supersedes_review_id: string | null;
            created_at: string;
        };
        DecisionReviewRequest: {
            note: string;
            /** @description a display name kept beside the API key, which is the actor */
            reviewer?: string;
        };
        AuditEvent: {
            event_id: string;
            at: string;
            /** @description the API key (its name) that acted, or system */
            actor: string;
            actor_key_id: string | null;
            /** @description the name the person gave, if any */
            actor_display_name: string | null;
            /** @example decision.approved */
            action: string;
            /** @example ace_opportunity */
            subject_type: string;
            subject_id: string;
            details: {
                [key: string]: unknown;
            };
        };
        HistoryEntry: {
            at: string;
            /** @description `decision.evaluated` or an audit action */
            action: string;
            actor: string;
            details: {
                [key: string]: unknown;
            };
        };
        Dashboard: {
            generated_at: string;
            opportunities: {
                ace: number;
                odoo: number;
                by_source_stage: {
                    /** @enum {string} */
                    source: "ace" | "odoo";
                    stage: string | null;
                    count: number;
                }[];
            };
            decisions: {
                total: number;
                by_outcome: {
                    outcome: components["schemas"]["Outcome"];
                    count: number;
                    /** @description of those, approved by a reviewer */
                    approved: number;
                    /** @description of those, rejected by a reviewer */
                    rejected: number;
                }[];
                /** @description The outcome of the decision current at the end of each day (UTC) */
                over_time: {
                    /** Format: date */
                    day: string;
                    auto_approve: number;
                    needs_review: number;
                    auto_reject: number;
                }[];
            };
            /** @description Expected monthly AWS spend (ACE project budget) of opportunities standing approved (automatically or by a reviewer) and waiting for review */
            value_at_stake: {
                /** @enum {string} */
                currency: "USD";
                approved: {
                    count: number;
                    /** @description counted opportunities without an expected spend */
                    without_spend: number;
                    /**
                     * @description Decimal string (exact), per month
                     * @example 12500.00
                     */
                    monthly_spend: string;
                };
                in_review: {
                    count: number;
                    /** @description counted opportunities without an expected spend */
                    without_spend: number;
                    /**
                     * @description Decimal string (exact), per month
                     * @example 12500.00
                     */
                    monthly_spend: string;
                };
            };
            match_quality: {
                ace_total: number;
                auto_linked: number;
                in_review: number;
                /** @description no link, or only one below the review threshold */
                unmatched: number;
                /** @description links a reviewer confirmed */
                confirmed: number;
            };
            data_quality: {
                open: number;
                groups: {
                    kind: string;
                    /** @enum {string} */
                    severity: "info" | "warning" | "error";
                    source: string;
                    table: string;
                    count: number;
                    last_detected_at: string;
                }[];
            };
            syncs: {
                sync_id: string;
                /** @enum {string} */
                status: "running" | "succeeded" | "partial" | "failed";
                /** @enum {string} */
                mode: "incremental" | "full";
                sources: string[];
                started_at: string;
                finished_at: string | null;
                error: string | null;
                tables: number;
                rows_read: number;
                rows_changed: number;
            }[];
        };
        BillingAccounts: {
            customers: {
                id: string | null;
                name: string;
                account_count: number;
                payers: {
                    payer: components["schemas"]["BillingAccount"] | null;
                    linked: components["schemas"]["BillingAccount"][];
                }[];
            }[];
            total_customers: number;
            limit: number;
            offset: number;
            payers: (components["schemas"]["BillingAccount"] & {
                linked_accounts: number;
            })[];
        };
        BillingAccount: {
            ref: string;
            aws_account_id: string | null;
            aws_account_id_raw: string | null;
            /** @enum {string} */
            aws_account_id_status: "valid" | "missing" | "malformed";
            name: string | null;
            alias: string | null;
            status: string | null;
            is_payer: boolean;
            is_not_billable: boolean;
            payer_ref: string | null;
            customer_id: string | null;
            first_month: string | null;
            last_month: string | null;
        };
        BillingSummary: {
            context: components["schemas"]["BillingContext"];
            totals: components["schemas"]["BillingFigures"];
            /** @description The cost taken apart: categories, then each basis */
            cost_breakdown: {
                /**
                 * @description decimal string, exact
                 * @example 12345.678901
                 */
                usage: string;
                /**
                 * @description decimal string, exact
                 * @example 12345.678901
                 */
                ri_fee: string;
                /**
                 * @description decimal string, exact
                 * @example 12345.678901
                 */
                savings_plan: string;
                /**
                 * @description decimal string, exact
                 * @example 12345.678901
                 */
                fee: string;
                /**
                 * @description decimal string, exact
                 * @example 12345.678901
                 */
                tax: string;
                /**
                 * @description decimal string, exact
                 * @example 12345.678901
                 */
                other: string;
                /**
                 * @description decimal string, exact
                 * @example 12345.678901
                 */
                gross: string;
                /**
                 * @description decimal string, exact
                 * @example 12345.678901
                 */
                credits: string;
                /**
                 * @description decimal string, exact
                 * @example 12345.678901
                 */
                refunds: string;
                /**
                 * @description decimal string, exact
                 * @example 12345.678901
                 */
                net: string;
                /**
                 * @description decimal string, exact
                 * @example 12345.678901
                 */
                spp_discounts: string;
                /**
                 * @description decimal string, exact
                 * @example 12345.678901
                 */
                distributor_discounts: string;
                /**
                 * @description decimal string, exact
                 * @example 12345.678901
                 */
                net_of_discounts: string;
                /**
                 * @description decimal string, exact
                 * @example 12345.678901
                 */
                cur_program_discounts: string;
            } | null;
        };
        BillingContext: {
            /** @example USD */
            currency: string;
            period: {
                from: string;
                to: string;
            };
            /** @enum {string} */
            basis: "gross" | "net" | "net_of_discounts";
            basis_description: string;
            /** @enum {string} */
            invoice_basis: "invoice" | "bill";
            invoice_basis_description: string;
            attribution: {
                /** @enum {string} */
                cost: "account" | "unavailable";
                /** @enum {string} */
                invoice: "account" | "customer" | "unavailable";
            };
            filters: {
                accounts: string[];
                payers: string[];
                customers: string[];
                services: string[];
                products: string[];
            };
            notes: string[];
            /** @description The last month with charges in the invoice basis (YYYY-MM). Later months are not invoiced yet; the default range ends here. */
            invoiced_through: string | null;
            freshness: {
                refreshed_at: string | null;
                pending_months: string[];
            };
        };
        BillingFigures: {
            /**
             * @description AWS cost in `basis`; null: the view has no cost side
             * @example 12345.678901
             */
            cost: string | null;
            /**
             * @description Invoiced (or billed); null: not attributable in this view
             * @example 12345.678901
             */
            invoice: string | null;
            /**
             * @description invoice − cost
             * @example 12345.678901
             */
            margin: string | null;
            /** @description margin ÷ invoice × 100; null when invoice ≤ 0 */
            margin_pct: number | null;
            /** @description margin < 0 */
            negative: boolean;
            /** @description includes cost rows written after the month was invoiced */
            restated: boolean;
            restated_months: number;
            /**
             * @description cost (in `basis`) of those rows
             * @example 12345.678901
             */
            restated_cost: string | null;
            components: {
                /**
                 * @description decimal string, exact
                 * @example 12345.678901
                 */
                gross: string;
                /**
                 * @description decimal string, exact
                 * @example 12345.678901
                 */
                credits: string;
                /**
                 * @description decimal string, exact
                 * @example 12345.678901
                 */
                refunds: string;
                /**
                 * @description positive: paid to the partner
                 * @example 12345.678901
                 */
                partner_discounts: string;
            };
        };
        BillingTimeseries: {
            context: components["schemas"]["BillingContext"];
            /** @enum {string} */
            granularity: "month" | "quarter" | "year";
            /** @enum {string|null} */
            split_by: "account" | "customer" | "payer" | "service" | "product" | null;
            totals: components["schemas"]["BillingTimePoint"][];
            series: {
                key: string | null;
                label: string;
                aws_account_id: string | null;
                other: boolean;
                points: components["schemas"]["BillingTimePoint"][];
            }[];
        };
        BillingTimePoint: {
            period: string;
            from: string;
            to: string;
            /**
             * @description AWS cost in `basis`; null: the view has no cost side
             * @example 12345.678901
             */
            cost: string | null;
            /**
             * @description Invoiced (or billed); null: not attributable in this view
             * @example 12345.678901
             */
            invoice: string | null;
            /**
             * @description invoice − cost
             * @example 12345.678901
             */
            margin: string | null;
            /** @description margin ÷ invoice × 100; null when invoice ≤ 0 */
            margin_pct: number | null;
            /** @description margin < 0 */
            negative: boolean;
            /** @description includes cost rows written after the month was invoiced */
            restated: boolean;
            restated_months: number;
            /**
             * @description cost (in `basis`) of those rows
             * @example 12345.678901
             */
            restated_cost: string | null;
            components: {
                /**
                 * @description decimal string, exact
                 * @example 12345.678901
                 */
                gross: string;
                /**
                 * @description decimal string, exact
                 * @example 12345.678901
                 */
                credits: string;
                /**
                 * @description decimal string, exact
                 * @example 12345.678901
                 */
                refunds: string;
                /**
                 * @description positive: paid to the partner
                 * @example 12345.678901
                 */
                partner_discounts: string;
            };
        };
        BillingBreakdown: {
            context: components["schemas"]["BillingContext"];
            /** @enum {string} */
            group_by: "account" | "customer" | "payer" | "service" | "product";
            sort: string;
            /** @enum {string} */
            order: "asc" | "desc";
            limit: number;
            groups: {
                rank: number;
                key: string | null;
                label: string;
                aws_account_id: string | null;
                customer_id: string | null;
                /**
                 * @description AWS cost in `basis`; null: the view has no cost side
                 * @example 12345.678901
                 */
                cost: string | null;
                /**
                 * @description Invoiced (or billed); null: not attributable in this view
                 * @example 12345.678901
                 */
                invoice: string | null;
                /**
                 * @description invoice − cost
                 * @example 12345.678901
                 */
                margin: string | null;
                /** @description margin ÷ invoice × 100; null when invoice ≤ 0 */
                margin_pct: number | null;
                /** @description margin < 0 */
                negative: boolean;
                /** @description includes cost rows written after the month was invoiced */
                restated: boolean;
                restated_months: number;
                /**
                 * @description cost (in `basis`) of those rows
                 * @example 12345.678901
                 */
                restated_cost: string | null;
                components: {
                    /**
                     * @description decimal string, exact
                     * @example 12345.678901
                     */
                    gross: string;
                    /**
                     * @description decimal string, exact
                     * @example 12345.678901
                     */
                    credits: string;
                    /**
                     * @description decimal string, exact
                     * @example 12345.678901
                     */
                    refunds: string;
                    /**
                     * @description positive: paid to the partner
                     * @example 12345.678901
                     */
                    partner_discounts: string;
                };
            }[];
            other: {
                /**
                 * @description AWS cost in `basis`; null: the view has no cost side
                 * @example 12345.678901
                 */
                cost: string | null;
                /**
                 * @description Invoiced (or billed); null: not attributable in this view
                 * @example 12345.678901
                 */
                invoice: string | null;
                /**
                 * @description invoice − cost
                 * @example 12345.678901
                 */
                margin: string | null;
                /** @description margin ÷ invoice × 100; null when invoice ≤ 0 */
                margin_pct: number | null;
                /** @description margin < 0 */
                negative: boolean;
                /** @description includes cost rows written after the month was invoiced */
                restated: boolean;
                restated_months: number;
                /**
                 * @description cost (in `basis`) of those rows
                 * @example 12345.678901
                 */
                restated_cost: string | null;
                components: {
                    /**
                     * @description decimal string, exact
                     * @example 12345.678901
                     */
                    gross: string;
                    /**
                     * @description decimal string, exact
                     * @example 12345.678901
                     */
                    credits: string;
                    /**
                     * @description decimal string, exact
                     * @example 12345.678901
                     */
                    refunds: string;
                    /**
                     * @description positive: paid to the partner
                     * @example 12345.678901
                     */
                    partner_discounts: string;
                };
                groups: number;
            } | null;
            total: {
                /**
                 * @description AWS cost in `basis`; null: the view has no cost side
                 * @example 12345.678901
                 */
                cost: string | null;
                /**
                 * @description Invoiced (or billed); null: not attributable in this view
                 * @example 12345.678901
                 */
                invoice: string | null;
                /**
                 * @description invoice − cost
                 * @example 12345.678901
                 */
                margin: string | null;
                /** @description margin ÷ invoice × 100; null when invoice ≤ 0 */
                margin_pct: number | null;
                /** @description margin < 0 */
                negative: boolean;
                /** @description includes cost rows written after the month was invoiced */
                restated: boolean;
                restated_months: number;
                /**
                 * @description cost (in `basis`) of those rows
                 * @example 12345.678901
                 */
                restated_cost: string | null;
                components: {
                    /**
                     * @description decimal string, exact
                     * @example 12345.678901
                     */
                    gross: string;
                    /**
                     * @description decimal string, exact
                     * @example 12345.678901
                     */
                    credits: string;
                    /**
                     * @description decimal string, exact
                     * @example 12345.678901
                     */
                    refunds: string;
                    /**
                     * @description positive: paid to the partner
                     * @example 12345.678901
                     */
                    partner_discounts: string;
                };
                groups: number;
            };
        };
        WriteBack: {
            write_id: string;
            ace_id: string;
            /** @description the Odoo opportunity id written as PartnerOpportunityIdentifier */
            lead_id: string;
            source: string;
            catalog: string;
            /** @enum {string} */
            reason: "confirmed" | "auto_link";
            status: components["schemas"]["WriteBackStatus"];
            /** @enum {string} */
            mode: "dry_run" | "live";
            attempts: number;
            message: string | null;
            /** @description the opportunity as read before the write */
            before: {
                [key: string]: unknown;
            } | null;
            /** @description the UpdateOpportunity request sent (or that a dry run would send) */
            request: {
                [key: string]: unknown;
            } | null;
            /** @description the opportunity as read back after the write */
            after: {
                [key: string]: unknown;
            } | null;
            approved_by: string | null;
            approved_at: string | null;
            created_at: string;
            updated_at: string;
            done_at: string | null;
        };
        /**
         * @description pending_approval: waits for a person; approved: runs with the next write-back job; held: AWS is reviewing the opportunity, tried again next run; dry_run: the exact request was recorded, not sent; succeeded; failed (message says why); superseded: the link changed or Partner Central already holds it.
         * @enum {string}
         */
        WriteBackStatus: "pending_approval" | "approved" | "held" | "dry_run" | "succeeded" | "failed" | "superseded";
        Schedule: {
            name: string;
            /** @enum {string} */
            task: "pipeline" | "sync" | "reconcile" | "write-back" | "report" | "notify" | "digest";
            /** @example 0 * * * * */
            cron: string;
            /** @example Europe/Berlin */
            timezone: string;
            enabled: boolean;
            catch_up_minutes: number;
            /** @description the scheduled minute of the last run */
            last_run_at: string | null;
            last_job_id: string | null;
            /** @description queued, running, succeeded, failed, or joined (the previous run was still going) */
            last_outcome: string | null;
            last_error: string | null;
            next_run_at: string | null;
        };
        Report: {
            report_id: string;
            /** @enum {string} */
            kind: "pod_monthly";
            /** @example 2026-10 */
            period: string;
            /**
             * @description the day the report reads the decisions as of
             * @example 2026-11-01
             */
            as_of: string;
            job_id: string | null;
            /** @description the API key (its name) that asked, or schedule:<name> */
            requested_by: string;
            created_at: string;
            summary: components["schemas"]["ReportSummary"];
        };
        ReportSummary: {
            /** @enum {string} */
            kind: "pod_monthly";
            /** @example 2026-10 */
            period: string;
            as_of: string;
            counts: {
                total: number;
                approved: number;
                approved_by_rules: number;
                approved_by_person: number;
                in_review: number;
                rejected: number;
                rejected_by_rules: number;
                rejected_by_person: number;
            };
            monthly_spend_at_stake: {
                /** @enum {string} */
                currency: "USD";
                /**
                 * @description USD, an exact decimal string
                 * @example 12500.00
                 */
                approved: string;
                /**
                 * @description USD, an exact decimal string
                 * @example 12500.00
                 */
                in_review: string;
                /** @description approved or in review without an ACE budget */
                without_spend: number;
            };
            spend_checks: {
                below: number;
                at_or_above: number;
                not_checked: number;
            };
            /** @description the spend_threshold of each ruleset version that decided, by `ruleset vN` */
            spend_thresholds: {
                [key: string]: number | null;
            };
            /** @description opportunities whose standing, decision or link changed */
            changes: number;
            /** @description the report the changes are counted against (the latest earlier period) */
            previous_report: {
                report_id: string;
                /** @example 2026-10 */
                period: string;
                as_of: string;
            } | null;
        };
        MakeReportRequest: {
            /** @example 2026-10 */
            period?: string;
        };
        WorkList: {
            as_of: string;
            /** @description ACE opportunities approved for POD */
            approved: number;
            /** @description the tenant's write-back; null when it reads no ACE from Partner Central */
            write_back: {
                enabled: boolean;
                /** @enum {string} */
                mode: "dry_run" | "live";
                include_auto_links: boolean;
            } | null;
            counts: {
                partner_crm_id?: number;
                review_status?: number;
                stage?: number;
                close_date?: number;
                aws_account_id?: number;
                customer_name?: number;
            };
            items: components["schemas"]["WorkItem"][];
        };
        WorkItem: {
            ace_id: string;
            customer: string | null;
            title: string | null;
            /** @enum {string} */
            approved_by: "rules" | "person";
            field: components["schemas"]["WorkListField"];
            /**
             * @description the field in Partner Central
             * @example PartnerOpportunityIdentifier
             */
            ace_field: string;
            current: string | null;
            /** @description null when the partner has to find it out */
            expected: string | null;
            why: string;
            /** @description set when this change is the Partner Central write-back's draft */
            write_back: {
                /** @enum {boolean} */
                draft: true;
                /** @enum {string} */
                mode: "dry_run" | "live";
                /** @description the write-back of this change; null until the write-back plans it */
                write: {
                    write_id: string;
                    status: string;
                    /** @enum {string} */
                    mode: "dry_run" | "live";
                    message: string | null;
                } | null;
            } | null;
        };
        /**
         * @description partner_crm_id: PartnerOpportunityIdentifier; review_status: LifeCycle.ReviewStatus; stage: LifeCycle.Stage; close_date: LifeCycle.TargetCloseDate; aws_account_id: Customer.Account.AwsAccountId; customer_name: Customer.Account.CompanyName
         * @enum {string}
         */
        WorkListField: "partner_crm_id" | "review_status" | "stage" | "close_date" | "aws_account_id" | "customer_name";
        Notification: {
            notification_id: string;
            channel: string;
            event: string;
            subject: string;
            body: string;
            status: components["schemas"]["NotificationStatus"];
            attempts: number;
            last_error: string | null;
            next_attempt_at: string;
            created_at: string;
            sent_at: string | null;
        };
        /**
         * @description digest: waits for the daily digest; pending: due at next_attempt_at; sending: being sent; sent; failed (gave up; last_error says why); digested: went out inside a digest.
         * @enum {string}
         */
        NotificationStatus: "digest" | "pending" | "sending" | "sent" | "failed" | "digested";
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;

export const aceStageValues: readonly components['schemas']['AceStage'][] = ["Prospect","Qualified","Technical Validation","Business Validation","Committed","Launched","Closed Lost"]
export const aceOwnershipValues: readonly components['schemas']['AceOwnership'][] = ["Partner Referral","AWS Referral"]
export const outcomeValues: readonly components['schemas']['Outcome'][] = ["auto_approve","needs_review","auto_reject"]
export const writeBackStatusValues: readonly components['schemas']['WriteBackStatus'][] = ["pending_approval","approved","held","dry_run","succeeded","failed","superseded"]
export const workListFieldValues: readonly components['schemas']['WorkListField'][] = ["partner_crm_id","review_status","stage","close_date","aws_account_id","customer_name"]
export const notificationStatusValues: readonly components['schemas']['NotificationStatus'][] = ["digest","pending","sending","sent","failed","digested"]
