/**
 * An error whose message was written by us for the user: what happened and what to do. Only these messages
 * cross to the UI verbatim; any other exception is reduced to its name (see handle-message.ts), because SDK
 * and network errors can echo request data.
 */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}
