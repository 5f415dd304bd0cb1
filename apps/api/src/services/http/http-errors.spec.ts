import { BadRequestException } from '@nestjs/common';
import { middlewareErrorResponse } from './http-errors';

describe('middlewareErrorResponse', () => {
  it('answers body-parser failures as JSON 4xx naming the problem', () => {
    expect(middlewareErrorResponse(Object.assign(new SyntaxError('Unexpected token'), { type: 'entity.parse.failed', status: 400 }))).toEqual({
      status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'malformed JSON body: Unexpected token' },
    });
    expect(middlewareErrorResponse(Object.assign(new Error('too large'), { type: 'entity.too.large', limit: 100, length: 150 })).body.message).toBe(
      'the body has 150 bytes; at most 100 are accepted (BODY_LIMIT)',
    );
    expect(middlewareErrorResponse(Object.assign(new Error('x'), { type: 'charset.unsupported', charset: 'latin1' })).status).toBe(415);
    expect(middlewareErrorResponse(Object.assign(new Error('incorrect header check'), { status: 400, code: 'Z_DATA_ERROR' })).body.message).toBe(
      'the body could not be read: it could not be decompressed (Z_DATA_ERROR)',
    );
  });

  it('keeps the status and body of HttpExceptions, and hides anything else behind a 500', () => {
    expect(middlewareErrorResponse(new BadRequestException('the request path contains x'))).toEqual({
      status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'the request path contains x' },
    });
    const err = middlewareErrorResponse(new Error('secret detail'));
    expect(err).toEqual({ status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' } });
  });
});
