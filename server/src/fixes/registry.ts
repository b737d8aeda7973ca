import { AVAILABILITY_API_FIXES } from './availabilityApiFixes';
import { addPdb, addStartupProbe, setMaxUnavailableZero } from './guideFixes';
import { PROBE_FIXES } from './probeFixes';
import { addResources } from './resourceFixes';
import { SECURITY_FIXES } from './securityFixes';
import { SIMPLE_FIXES } from './simpleFixes';
import type { FixBuilder } from './types';

const BUILDERS: Record<string, FixBuilder> = {
  'add-startup-probe': addStartupProbe,
  'set-max-unavailable-zero': setMaxUnavailableZero,
  'add-pdb': addPdb,
  'add-resources': addResources,
  ...SIMPLE_FIXES,
  ...PROBE_FIXES,
  ...SECURITY_FIXES,
  ...AVAILABILITY_API_FIXES,
};

/** Fixes that add a YAML document (a companion resource) instead of editing the finding's one. */
export const DOCUMENT_ADDING_FIXES: ReadonlySet<string> = new Set(['add-pdb', 'add-hpa']);

/** The builder of a fix id, when the engine implements it. */
export function fixBuilder(id: string): FixBuilder | undefined {
  return BUILDERS[id];
}

/** Ids of every fix the engine can build. */
export function implementedFixes(): string[] {
  return Object.keys(BUILDERS);
}
