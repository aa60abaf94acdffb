import type Stripe from 'stripe';

/** The four error types Stripe's API reference lists (https://docs.stripe.com/api/errors). */
export type StripeErrorType = 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';

/** The `error` object of a Stripe error response; absent fields are left out, as Stripe does. */
export interface StripeErrorBody {
  readonly type: StripeErrorType;
  readonly message: string;
  readonly code?: string;
  readonly param?: string;
  readonly doc_url?: string;
  readonly decline_code?: string;
  readonly charge?: string;
  readonly payment_intent?: Stripe.PaymentIntent;
}

/** An error answered with Stripe's shape: `{ "error": { "type", "code", "message", "param", "doc_url" } }`. */
export class StripeApiError extends Error {
  readonly body: StripeErrorBody;

  constructor(
    readonly statusCode: number,
    body: Omit<StripeErrorBody, 'doc_url'>,
  ) {
    super(body.message);
    // Stripe links every coded error to its page, e.g. https://stripe.com/docs/error-codes/resource-missing.
    const docUrl = body.code ? { doc_url: `https://stripe.com/docs/error-codes/${body.code.replace(/_/g, '-')}` } : {};
    // Stripe's error objects list their fields alphabetically (code, doc_url, message, param, type).
    this.body = Object.fromEntries(
      Object.entries({ ...body, ...docUrl }).sort(([a], [b]) => a.localeCompare(b)),
    ) as unknown as StripeErrorBody;
  }

  toResponse(): { error: StripeErrorBody } {
    return { error: this.body };
  }
}

const invalid = (statusCode: number, body: Omit<StripeErrorBody, 'type' | 'doc_url'>) =>
  new StripeApiError(statusCode, { type: 'invalid_request_error', ...body });

export const missingParam = (param: string) =>
  invalid(400, { code: 'parameter_missing', param, message: `Missing required param: ${param}.` });

export const unknownParam = (param: string) =>
  invalid(400, {
    code: 'parameter_unknown',
    param,
    message: `Received unknown parameter: ${param} (the Stripe stand-in does not implement it)`,
  });

export const invalidInteger = (param: string, value: string) =>
  invalid(400, { code: 'parameter_invalid_integer', param, message: `Invalid integer: ${value}` });

export const integerTooSmall = (param: string, minimum: number) =>
  invalid(400, {
    code: 'parameter_invalid_integer',
    param,
    message: `This value must be greater than or equal to ${minimum}.`,
  });

export const invalidParam = (param: string, message: string) => invalid(400, { param, message });

export const resourceMissing = (object: string, id: string, param: string, statusCode = 404) =>
  invalid(statusCode, { code: 'resource_missing', param, message: `No such ${object}: '${id}'` });

export const unexpectedState = (code: string, message: string, paymentIntent?: Stripe.PaymentIntent): StripeApiError =>
  invalid(400, { code, message, ...(paymentIntent ? { payment_intent: paymentIntent } : {}) });

export const unrecognizedUrl = (method: string, url: string) =>
  invalid(404, {
    message: `Unrecognized request URL (${method}: ${url}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
  });

export const noApiKey = () =>
  invalid(401, {
    message:
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
  });

export const invalidApiKey = (redactedKey: string) =>
  invalid(401, { message: `Invalid API Key provided: ${redactedKey}` });

export const idempotencyParamsMismatch = (key: string) =>
  new StripeApiError(400, {
    type: 'idempotency_error',
    message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
  });

export const idempotencyEndpointMismatch = (key: string, endpoint: string, firstEndpoint: string) =>
  new StripeApiError(400, {
    type: 'idempotency_error',
    message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${endpoint}' vs '${firstEndpoint}'). Try using a key other than '${key}' if you meant to execute a different request.`,
  });
