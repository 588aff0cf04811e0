// The HTML document. The UI renders in the browser only (SPA): the build renders this shell once into
// dist/client/index.html, which the CLI's server sends for every UI route.
import { createHandler, StartServer } from '@solidjs/start/server'

export default createHandler(() => (
  <StartServer
    document={(props) => (
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="color-scheme" content="light" />
          <title>RevOps POD</title>
          <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
          {props.assets}
        </head>
        <body>
          <div id="app">{props.children}</div>
          <noscript>RevOps POD needs JavaScript.</noscript>
          {props.scripts}
        </body>
      </html>
    )}
  />
))
