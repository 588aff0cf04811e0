// Person names by locale, free-mail domains and the AWS people who appear on ACE opportunities.

// biome-ignore format: packed data list
export const FIRST_NAMES: Readonly<Record<string, readonly string[]>> = {
  US: [
    'James', 'Mary', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'David', 'Linda', 'William', 'Elizabeth',
    'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Chris', 'Karen', 'Daniel', 'Lisa', 'Matt',
    'Nancy', 'Anthony', 'Betty', 'Mark', 'Sandra', 'Steven', 'Ashley', 'Andrew', 'Kimberly', 'Josh',
    'Emily', 'Kevin', 'Donna', 'Brian', 'Michelle', 'Priya', 'Wei', 'Carlos', 'Aisha', 'Hiroshi', 'Fatima',
    'Diego', 'Mei', 'Raj', 'Olivia', 'Ethan', 'Sofia', 'Liam', 'Ava', 'Noah', 'Grace', 'Tyler', 'Megan',
    'DeShawn',
  ],
  DE: ['Jürgen', 'Stefan', 'Katrin', 'Anja', 'Lukas', 'Björn', 'Sabine', 'Jörg', 'Ute', 'Matthias', 'Lena'],
  FR: ['Hélène', 'Béatrice', 'François', 'Jérôme', 'Camille', 'Élodie', 'Thierry', 'Amélie', 'Sébastien'],
  NL: ['Sanne', 'Daan', 'Femke', 'Joost', 'Lotte', 'Bram', 'Anouk'],
  GB: ['Oliver', 'Harriet', 'George', 'Imogen', 'Alistair', 'Fiona', 'Rupert'],
  ES: ['José', 'María', 'Íñigo', 'Lucía'], IT: ['Giulia', 'Marco', 'Francesca', 'Luca'],
  SE: ['Åsa', 'Lars', 'Ingrid'], DK: ['Søren', 'Mette', 'Rasmus'], CH: ['Reto', 'Céline', 'Urs'],
  AT: ['Florian', 'Theresa', 'Günther'], CA: ['Chloé', 'Liam', 'Émile', 'Madison'],
}

// biome-ignore format: packed data list
export const LAST_NAMES: Readonly<Record<string, readonly string[]>> = {
  US: [
    'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
    'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson',
    'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Lewis', 'Robinson',
    'Walker', 'Young', 'Nguyen', 'Patel', 'Kim', "O'Brien", 'McAllister', 'Chen', 'Singh', 'Okonkwo',
    'Yamamoto', 'Kowalczyk', 'Fischer', 'Rossi', 'Murphy', 'Reyes', 'Cohen', 'Sullivan', 'Park', 'Shah',
    'Van Buren', 'Da Silva',
  ],
  DE: ['Müller', 'Schmidt', 'Schneider', 'Weiß', 'Groß', 'Köhler', 'Schäfer', 'Bäcker', 'Krämer', 'Meyer'],
  FR: ['Lefèvre', 'Dubois', 'Lemaître', 'Gérard', 'Fontaine', 'Durand', 'Bézier', 'Roussel'],
  NL: ['de Vries', 'van Dijk', 'Jansen', 'Bakker', 'van den Broek', 'Visser'],
  GB: ['Pryce', 'Ashworth', 'Cavendish', 'Hughes', 'Fletcher', 'Wright'],
  ES: ['García', 'Núñez', 'Martínez', 'Ibáñez'], IT: ['Ferrari', 'Bianchi', 'Esposito', 'Ricci'],
  SE: ['Lindström', 'Åberg', 'Nyström'], DK: ['Sørensen', 'Jørgensen', 'Nielsen'],
  CH: ['Zürcher', 'Meier', 'Brunner'], AT: ['Gruber', 'Huber', 'Steiner'],
  CA: ['Tremblay', 'Gagnon', 'Roy', 'Campbell'],
}

// biome-ignore format: packed data list
export const FREE_MAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ['gmail.com', 50], ['outlook.com', 12], ['yahoo.com', 12], ['hotmail.com', 10], ['icloud.com', 6],
  ['aol.com', 4], ['protonmail.com', 3], ['gmx.de', 3],
]

// biome-ignore format: packed data list
export const JOB_TITLES = [
  'CTO', 'VP Engineering', 'IT Director', 'Head of IT', 'CIO', 'Cloud Architect', 'DevOps Lead',
  'Director of Infrastructure', 'CFO', 'Procurement Manager', 'IT Manager', 'Founder', 'CEO', 'Data Lead',
] as const

/** AWS account managers; each company mostly sees the same one (territories). */
// biome-ignore format: packed data list
export const AWS_SELLERS = [
  'Jordan Blake', 'Samantha Reyes', 'Marcus Lee', 'Anika Sharma', 'Tom Brennan', 'Keiko Tanaka',
  'Rachel Goldstein', 'Diego Alvarez', 'Hannah Schulz', 'Victor Mensah', 'Claire Dubois', 'Nate Hollis',
  'Olga Petrova', 'Ben Carter', 'Lauren Whitfield', 'Sanjay Iyer', 'Megan O’Connor', 'Felix Wagner',
] as const
export const AWS_PSMS = ['Erin Caldwell', 'Raj Malhotra', 'Sophie Laurent', 'Mike Donovan'] as const

/** The partner's own sales people (Odoo users and ACE owners). */
// biome-ignore format: packed data list
export const PARTNER_REPS = [
  'Alex Morgan', 'Jamie Chen', 'Taylor Brooks', 'Morgan Patel', 'Casey Rivera', 'Riley Novak',
  'Jordan Ellis', 'Sam Whitaker', 'Drew Kowalski', 'Avery Lindgren',
] as const

export const PARTNER_NAME = 'Northbeam Cloud Partners LLC'
export const PARTNER_DOMAIN = 'northbeamcloud.com'
