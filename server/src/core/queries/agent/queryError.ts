// @spec specthread-core#18.2

/**
 * A question the workspace cannot answer as asked: an unknown spec, a malformed reference, an id
 * that does not exist. Transports show the message to whoever asked (an MCP tool error, a CLI
 * usage error); it names the problem and, where one exists, the nearest valid choice.
 */
export class QueryError extends Error {}
