/**
 * Body of `POST /api/cases/:id/close`: empty (`{}` or none). Who closes is the caller
 * (the token's user); the class exists so the global ValidationPipe refuses unknown fields.
 */
export class CloseCaseDto {}
