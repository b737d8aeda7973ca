import type { RuleDefinition } from '../../types';
import { schemaEnum } from './enum';
import { schemaFormat } from './format';
import { schemaRequired } from './required';
import { schemaType } from './type';
import { unknownField } from './unknownField';
import { unknownKind } from './unknownKind';

/** Schema validation rules (`schema/*`): the Kubernetes and CRD schemas of the target versions. */
export const SCHEMA_RULES: readonly RuleDefinition[] = [unknownField, schemaType, schemaEnum, schemaRequired, schemaFormat, unknownKind];
