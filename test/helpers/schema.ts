import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/metadata.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

/** Validate metadata against schema/metadata.schema.json; returns the error text or null. */
export function schemaErrors(metadata: unknown): string | null {
  if (validate(metadata)) return null;
  return ajv.errorsText(validate.errors);
}
