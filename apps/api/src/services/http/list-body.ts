import { BadRequestException } from '@nestjs/common';

/**
 * The items of a list body `{ <field>: [item, ...] }` (a batch of declarations, an APIS list, PNRs).
 * @param max most items accepted (`MAX_BATCH_SIZE`).
 * @throws BadRequestException (400) naming the problem: not an object, other fields, not an array, empty, more than `max` items.
 */
export function listItems(body: unknown, field: string, max: number): unknown[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BadRequestException(`body must be an object { "${field}": [ ... ] }`);
  }
  const extra = Object.keys(body).filter((k) => k !== field);
  if (extra.length > 0) throw new BadRequestException(`unknown field(s) in batch: ${extra.join(', ')}`);
  const items = (body as Record<string, unknown>)[field];
  if (!Array.isArray(items)) throw new BadRequestException(`${field} must be an array`);
  if (items.length === 0) throw new BadRequestException(`${field} must not be empty`);
  if (items.length > max) throw new BadRequestException(`${field} holds ${items.length} items; at most ${max} per batch`);
  return items;
}

/** One refused item of a list body: its index and what is wrong with it. */
export interface ListItemError {
  index: number;
  message: string;
}

/**
 * Validates every item of a list with `validate`; any invalid item refuses the whole list.
 * @throws BadRequestException (400) `{ message, errors: [{ index, message }] }` when an item is invalid; nothing is written then.
 */
export function validateAll<T>(items: unknown[], what: string, validate: (item: unknown) => { ok: true; value: T } | { ok: false; errors: string[] }): T[] {
  const values: T[] = [];
  const errors: ListItemError[] = [];
  items.forEach((item, index) => {
    const checked = validate(item);
    if (checked.ok) values.push(checked.value);
    else errors.push({ index, message: checked.errors.join('; ') });
  });
  if (errors.length > 0) {
    throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `${errors.length} of ${items.length} ${what} are invalid; nothing was screened`, errors });
  }
  return values;
}
