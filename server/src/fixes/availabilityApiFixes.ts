import { addPreStop, addTopologySpread } from './availabilityFixes';
import { addHpa } from './hpaFixes';
import { migrateApiVersion } from './migrateFixes';
import { renameUnknownField, replaceEnumValue } from './schemaFixes';
import { fixSelectorMismatch, fixSpreadSelector } from './selectorFixes';
import type { FixBuilder } from './types';

/** Builders of the availability, selector, autoscaler, API-migration and schema fixes, by fix id. */
export const AVAILABILITY_API_FIXES: Record<string, FixBuilder> = {
  'add-topology-spread': addTopologySpread,
  'fix-spread-selector': fixSpreadSelector,
  'add-prestop': addPreStop,
  'fix-selector-mismatch': fixSelectorMismatch,
  'add-hpa': addHpa,
  'migrate-api-version': migrateApiVersion,
  'replace-enum-value': replaceEnumValue,
  'rename-unknown-field': renameUnknownField,
};
