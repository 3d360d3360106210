// "server-only" refuses to load outside React's server build; Jest runs server code directly.
module.exports = {};
