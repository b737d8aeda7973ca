import { addPdb, addStartupProbe, setMaxUnavailableZero } from './guideFixes';
import { SIMPLE_FIXES } from './simpleFixes';
import type { FixBuilder } from './types';

const BUILDERS: Record<string, FixBuilder> = {
  'add-startup-probe': addStartupProbe,
  'set-max-unavailable-zero': setMaxUnavailableZero,
  'add-pdb': addPdb,
  ...SIMPLE_FIXES,
};

/** The builder of a fix id, when the engine implements it. */
export function fixBuilder(id: string): FixBuilder | undefined {
  return BUILDERS[id];
}

/** Ids of every fix the engine can build. */
export function implementedFixes(): string[] {
  return Object.keys(BUILDERS);
}
