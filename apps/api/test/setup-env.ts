// Same conditions as production: instants in UTC, French messages checked verbatim.
process.env['TZ'] = 'UTC';
