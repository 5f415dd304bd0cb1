import { apiErrorHeading, apiErrorOfResponse, apiErrorOfThrown, type HttpFailure } from './api-error-body';

const failure = (over: Partial<HttpFailure>): HttpFailure => ({
  status: 500, statusText: 'Internal Server Error', message: 'Http failure response for /api/x: 500 Internal Server Error', error: null, ...over,
});

describe('apiErrorOfResponse', () => {
  it('says the API did not answer on status 0', () => {
    expect(apiErrorOfResponse(failure({ status: 0, statusText: 'Unknown Error' }))).toEqual({
      status: 0, title: 'Network error', messages: ['The API did not answer. Is it running on port 3000?'],
    });
  });

  it("reads Nest's error body with one message", () => {
    expect(apiErrorOfResponse(failure({ status: 404, statusText: 'Not Found', error: { statusCode: 404, message: 'case x is unknown', error: 'Not Found' } }))).toEqual({
      status: 404, title: 'Not Found', messages: ['case x is unknown'],
    });
  });

  it('keeps one message per invalid field when Nest sends an array', () => {
    const error = { statusCode: 400, message: ['officerId must be a string', 'officerId should not be empty'], error: 'Bad Request' };
    expect(apiErrorOfResponse(failure({ status: 400, statusText: 'Bad Request', error })).messages).toEqual([
      'officerId must be a string', 'officerId should not be empty',
    ]);
  });

  it("shows the criteria API's `errors` (path: problem) instead of its summary, and keeps them for the fields", () => {
    const error = {
      statusCode: 400, error: 'Bad Request', message: 'invalid criterion: keywords: needs at least 3 non-blank keywords; id: ...',
      errors: ['keywords: needs at least 3 non-blank keywords', 'id: a LOCAL criterion id starts with LOC-'],
    };
    expect(apiErrorOfResponse(failure({ status: 400, statusText: 'Bad Request', error }))).toEqual({
      status: 400, title: 'Bad Request',
      messages: ['keywords: needs at least 3 non-blank keywords', 'id: a LOCAL criterion id starts with LOC-'],
      errors: ['keywords: needs at least 3 non-blank keywords', 'id: a LOCAL criterion id starts with LOC-'],
    });
  });

  it('falls back to the message when `errors` is empty, and to Angular text without either', () => {
    expect(apiErrorOfResponse(failure({ status: 400, error: { statusCode: 400, message: 'bad', errors: [] } }))).toEqual({
      status: 400, title: 'Internal Server Error', messages: ['bad'], errors: [],
    });
    expect(apiErrorOfResponse(failure({ status: 502, statusText: 'Bad Gateway', error: {} }))).toEqual({
      status: 502, title: 'Bad Gateway', messages: ['Http failure response for /api/x: 500 Internal Server Error'],
    });
  });

  it("prefers the body's statusCode and stringifies odd messages", () => {
    expect(apiErrorOfResponse(failure({ status: 400, error: { statusCode: 422, message: 42, error: 'Unprocessable Entity' } }))).toEqual({
      status: 422, title: 'Unprocessable Entity', messages: ['42'],
    });
  });

  it('shows a text body as the message, an empty one as Angular text', () => {
    expect(apiErrorOfResponse(failure({ status: 503, statusText: 'Service Unavailable', error: 'database is down' }))).toEqual({
      status: 503, title: 'Service Unavailable', messages: ['database is down'],
    });
    expect(apiErrorOfResponse(failure({ status: 503, statusText: 'Service Unavailable', error: '' })).messages).toEqual([
      'Http failure response for /api/x: 500 Internal Server Error',
    ]);
  });
});

describe('apiErrorOfThrown', () => {
  it("keeps an error's message with status -1", () => {
    expect(apiErrorOfThrown(new TypeError('x is undefined'))).toEqual({ status: -1, title: 'Error', messages: ['x is undefined'] });
    expect(apiErrorOfThrown('timeout')).toEqual({ status: -1, title: 'Error', messages: ['timeout'] });
  });
});

describe('apiErrorHeading', () => {
  it('puts the status before the title only when there is one', () => {
    expect(apiErrorHeading({ status: 404, title: 'Not Found', messages: [] })).toBe('404 Not Found');
    expect(apiErrorHeading({ status: 0, title: 'Network error', messages: [] })).toBe('Network error');
    expect(apiErrorHeading({ status: -1, title: 'Error', messages: [] })).toBe('Error');
  });
});
