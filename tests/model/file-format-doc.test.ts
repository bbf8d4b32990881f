import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as model from '../../src/model/index.js';

const doc = readFileSync(new URL('../../docs/reference/file-format.md', import.meta.url), 'utf8');

/** The field names in the first column of the table under a heading (`## Name` or `### Name`). */
function documentedFields(heading: string): string[] {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => /^#{2,3} /.test(l) && l.replace(/^#+ /, '') === heading);
  if (start < 0) throw new Error(`docs/reference/file-format.md has no section "${heading}"`);
  const fields: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^#{2,3} /.test(line)) break;
    if (!line.startsWith('| `')) continue;
    const firstCell = line.split('|')[1]!;
    for (const match of firstCell.matchAll(/`([^`]+)`/g)) fields.push(match[1]!);
  }
  return fields.sort();
}

const shapeOf = (schema: unknown) => Object.keys((schema as { shape: object }).shape).sort();
const provenance = Object.keys(model.provenanceFields);

const SECTIONS: Record<string, string[]> = {
  Label: shapeOf(model.LabelSchema),
  Description: shapeOf(model.DescriptionSchema),
  'Provenance fields': [...provenance].sort(),
  CarePath: shapeOf(model.CarePathSchema),
  Include: shapeOf(model.IncludeSchema),
  Factor: shapeOf(model.FactorSchema),
  CoalitionInfo: shapeOf(model.CoalitionInfoSchema),
  Actor: shapeOf(model.ActorSchema),
  Step: shapeOf(model.StepSchema),
  Transition: shapeOf(model.TransitionSchema),
  Condition: shapeOf(model.ConditionSchema),
  TimePoint: shapeOf(model.TimePointSchema),
  Window: shapeOf(model.WindowSchema),
  Duration: shapeOf(model.DurationSchema),
  Menukaart: shapeOf(model.MenukaartSchema),
  Intervention: shapeOf(model.InterventionSchema),
  Population: shapeOf(model.PopulationSchema),
  FactorModel: shapeOf(model.FactorModelSchema),
  ConditionalPrevalence: shapeOf(model.ConditionalPrevalenceSchema),
  AttributeModel: shapeOf(model.AttributeModelSchema),
  Bin: shapeOf(model.BinSchema),
  Coalition: shapeOf(model.CoalitionSchema),
  Partner: shapeOf(model.PartnerSchema),
  LocalTransition: shapeOf(model.LocalTransitionSchema),
  Route: shapeOf(model.RouteSchema),
  Persona: shapeOf(model.PersonaSchema),
  RouteStep: shapeOf(model.RouteStepSchema),
  Client: shapeOf(model.ClientSchema),
  SourcesFile: shapeOf(model.SourcesFileSchema),
  Source: shapeOf(model.SourceSchema),
  HouseholdPath: shapeOf(model.HouseholdPathSchema),
  Member: shapeOf(model.MemberSchema),
  Track: shapeOf(model.TrackSchema),
  HouseholdStep: shapeOf(model.HouseholdStepSchema),
  Referral: shapeOf(model.ReferralSchema),
  HouseholdFactor: shapeOf(model.HouseholdFactorSchema),
  AttributeOwner: shapeOf(model.AttributeOwnerSchema),
  Targets: shapeOf(model.TargetsSchema),
  Target: shapeOf(model.TargetSchema),
  TargetMeasure: shapeOf(model.TargetMeasureSchema),
  TunableParameter: shapeOf(model.TunableParameterSchema),
  Overlay: shapeOf(model.OverlaySchema),
};

describe('docs/reference/file-format.md', () => {
  for (const [heading, fields] of Object.entries(SECTIONS)) {
    it(`documents exactly the fields of ${heading}`, () => {
      expect(documentedFields(heading)).toEqual(fields);
    });
  }

  it('documents the same fields for a source in a path and in a sources file', () => {
    const entry = (model.SourcesFileSchema.shape.sources as unknown as { _zod: { def: { valueType: unknown } } })._zod.def.valueType;
    expect(shapeOf(entry)).toEqual(shapeOf(model.SourceSchema));
  });

  it('lists every value of the enums it names', () => {
    for (const value of [...model.STEP_KINDS, ...model.PHASES, ...model.DOMAINS, ...model.HANDOFF_KINDS, ...model.RECOGNITION_STATUSES, ...model.OUTCOME_RESULTS, ...model.MEMBER_ROLES]) {
      expect(doc).toContain(`\`"${value}"\``);
    }
  });
});
