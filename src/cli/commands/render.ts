import { isAbsolute, resolve } from 'node:path';
import { Option } from 'commander';
import { didYouMean, type Lang } from '../../diagnostics/index.js';
import { householdToMermaid, householdToStateDiagram, routeToMermaid, timelineToMermaid, toMermaid, type GroupBy, type OverlayMode } from '../../export/index.js';
import { safeLoadRoute } from '../../node/index.js';
import { labelText, PHASES, type CarePath, type Phase } from '../../model/index.js';
import { CliError, writeOutputFile, type CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { checkOverlay, listFlag, readOverlay } from './diagram-input.js';
import { loadFailed, reportWritten, ALLOW_OUTSIDE_ROOT_HELP, ROOT_HELP, rootOptions, type RootFlags } from './flags.js';
import type { CliCommand } from './index.js';
import { loadScenario } from './scenario.js';
import { checkHouseholdOverlay, isHouseholdFile, loadHouseholdFile, readHouseholdOverlay, refuseHouseholdFlags } from './household-input.js';
import { DEFAULT_LANG } from '../lang.js';

type Kind = 'state' | 'flowchart' | 'timeline' | 'sequence' | 'journey';
type Format = 'mmd' | 'svg' | 'html';

interface RenderFlags extends RootFlags {
  kind: Kind;
  format: Format;
  overlay?: string;
  forceOverlay?: boolean;
  overlayMode: OverlayMode;
  groupBy: GroupBy;
  collapsePhase?: string;
  collapseOrganisation?: string;
  edgeLabels?: 'full' | 'short';
  route?: string;
  coalition?: string;
  lang: Lang;
  output?: string;
  json?: boolean;
}

/** `zorgpaden render <path>`: a path (or a route through it) as Mermaid text, SVG or an HTML page. */
export const renderCommand: CliCommand = {
  register(program, context, setExitCode) {
        program
      .command('render')
      .option('--root <folder>', ROOT_HELP)
      .option('--allow-outside-root', ALLOW_OUTSIDE_ROOT_HELP)
      .description('draw a care path as a Mermaid diagram (text, SVG or a self-contained HTML page)')
      .argument('<path>', 'care path file (JSON or YAML), or a coalition file (the path it adapts, with it applied); a household path (format version 2) draws one lane or region per track')
      .addOption(new Option('--kind <kind>', 'diagram kind (sequence and journey need --route; a household path draws state and flowchart)').choices(['state', 'flowchart', 'timeline', 'sequence', 'journey']).default('state'))
      .addOption(new Option('--format <format>', 'mmd: Mermaid text; svg and html need mermaid, playwright-core and Chromium').choices(['mmd', 'svg', 'html']).default('mmd'))
      .option('--overlay <file>', 'a simulation result (zorgpaden simulate -o sim.json) to draw on the diagram')
      .option('--force-overlay', 'draw the --overlay result even when it was simulated on another path, version or coalition')
      .addOption(new Option('--overlay-mode <mode>', 'overlay figures as counts or shares').choices(['absolute', 'relative']).default('absolute'))
      .addOption(new Option('--group-by <lanes>', 'flowchart lanes (a household path has one lane per track)').choices(['phase', 'actor', 'organisation', 'none']).default('phase'))
      .option('--collapse-phase <phases>', `fold phases into one node each (comma-separated: ${PHASES.join(', ')})`)
      .option('--collapse-organisation <names>', 'fold organisations into one node each (comma-separated)')
      .addOption(new Option('--edge-labels <labels>', 'full: every arrow spells out its condition (the default); short: a number per condition, as the report draws them').choices(['full', 'short']))
      .option('--route <file>', 'a klantroute file, for --kind sequence or journey')
      .option('--coalition <file>', 'a coalition file to apply over the path')
      .addOption(new Option('--lang <lang>', 'label language').choices(['nl', 'en']).default(DEFAULT_LANG))
      .option('-o, --output <file>', 'write the diagram to a file instead of standard output')
      .option('--json', 'print a JSON object with the diagram text (mmd only) and where it was written')
      .action(async (file: string, flags: RenderFlags) => {
        setExitCode(await runRender(file, flags, context));
      });
  },
};

function phasesFlag(value: string | undefined): Phase[] {
  const items = listFlag(value);
  for (const item of items) {
    if (!(PHASES as readonly string[]).includes(item)) {
      throw new CliError(`--collapse-phase: unknown phase "${item}"; use ${PHASES.join(', ')}.`, EXIT.usage, `--collapse-phase: onbekende fase "${item}"; gebruik ${PHASES.join(', ')}.`);
    }
  }
  return items as Phase[];
}

/** The organisations of `--collapse-organisation`; a name no actor of the path has is a usage error, with a did-you-mean. */
function organisationsFlag(value: string | undefined, path: CarePath): string[] {
  const items = listFlag(value);
  const known = [...new Set(Object.values(path.actors).map((a) => a.organisation).filter((o): o is string => o !== undefined))].sort();
  for (const item of items) {
    if (known.includes(item)) continue;
    const close = didYouMean(item, known);
    const list = known.length > 0 ? known.map((o) => `"${o}"`).join(', ') : undefined;
    const [en, nl] = close !== undefined ? [`did you mean "${close}"?`, `bedoelde je "${close}"?`] : list !== undefined ? [`the path's organisations are ${list}.`, `de organisaties van het pad zijn ${list}.`] : ['no actor of the path names an organisation (a coalition sets them).', 'geen actor van het pad noemt een organisatie (een coalitie vult ze in).'];
    throw new CliError(`--collapse-organisation: no actor belongs to "${item}"; ${en}`, EXIT.usage, `--collapse-organisation: geen actor hoort bij "${item}"; ${nl}`);
  }
  return items;
}

async function runRender(file: string, flags: RenderFlags, context: CliContext): Promise<number> {
  const at = (f: string) => (isAbsolute(f) ? f : resolve(context.cwd, f));
  if ((flags.kind === 'sequence' || flags.kind === 'journey') && flags.route === undefined) {
    throw new CliError(`--kind ${flags.kind} draws a klantroute: give the route file with --route <file>.`, EXIT.usage, `--kind ${flags.kind} tekent een klantroute: geef het routebestand met --route <bestand>.`);
  }
  // --json prints no drawing, so an SVG or HTML drawing without -o would be thrown away
  if (flags.json && flags.format !== 'mmd' && flags.output === undefined) {
    throw new CliError(`--json with --format ${flags.format} prints only a summary; give -o <file> to write the drawing too.`, EXIT.usage, `--json met --format ${flags.format} toont alleen een samenvatting; geef -o <bestand> om de tekening ook te schrijven.`);
  }
  const loaded = await loadScenario(file, { coalition: flags.coalition, roots: rootOptions(flags, file, context.cwd) }, context.cwd);
  if (!loaded.ok && isHouseholdFile(loaded.diagnostics)) return renderHousehold(file, flags, context);
  const overlay = flags.overlay !== undefined ? readOverlay(at(flags.overlay)) : undefined;
  if (!loaded.ok) return loadFailed(loaded.diagnostics, flags, context);
  const { path } = loaded.value;
  if (overlay) checkOverlay(path, overlay, flags.overlay!, flags.forceOverlay, flags.lang, context.stderr);
  let text: string;
  if (flags.kind === 'state' || flags.kind === 'flowchart') {
    const collapse = { phases: phasesFlag(flags.collapsePhase), organisations: organisationsFlag(flags.collapseOrganisation, path) };
    const edgeLabels = flags.edgeLabels !== undefined ? { edgeLabels: flags.edgeLabels } : {};
    text = toMermaid(path, { kind: flags.kind, lang: flags.lang, groupBy: flags.groupBy, overlayMode: flags.overlayMode, collapse, ...edgeLabels, ...(overlay ? { overlay } : {}) });
  } else if (flags.kind === 'timeline') {
    text = timelineToMermaid(path, { lang: flags.lang });
  } else {
    const route = await safeLoadRoute(at(flags.route as string));
    if (!route.ok) return loadFailed(route.diagnostics, flags, context);
    const unknown = route.value.steps.map((s) => s.step).filter((id) => !path.steps[id]);
    if (unknown.length > 0) {
      context.stderr(
        flags.lang === 'nl'
          ? `Let op: ${unknown.length} stap(pen) van de route staan niet in dit pad (${unknown.slice(0, 3).join(', ')}); de route hoort bij "${route.value.path}".\n`
          : `Note: ${unknown.length} step(s) of the route are not in this path (${unknown.slice(0, 3).join(', ')}); the route belongs to "${route.value.path}".\n`,
      );
    }
    text = routeToMermaid(route.value, path, { kind: flags.kind, lang: flags.lang });
  }
  return writeDiagram(text, labelText(path.title, flags.lang), file, flags, context);
}

/**
 * `render` on a household path (format version 2): the flowchart with one lane per track, or the
 * state diagram with one concurrent region per track, with a household simulation result drawn on
 * it by `--overlay`. What needs a version 1 path (folding, routes, timelines) is refused by name.
 */
async function renderHousehold(file: string, flags: RenderFlags, context: CliContext): Promise<number> {
  const at = (f: string) => (isAbsolute(f) ? f : resolve(context.cwd, f));
  if (flags.kind !== 'state' && flags.kind !== 'flowchart') {
    throw new CliError(
      `--kind ${flags.kind} is not available for a household path (format version 2) yet; use --kind state (a region per track) or --kind flowchart (a lane per track).`,
      EXIT.usage,
      `--kind ${flags.kind} kan nog niet bij een huishoudpad (formaatversie 2); gebruik --kind state (een gebied per spoor) of --kind flowchart (een baan per spoor).`,
    );
  }
  refuseHouseholdFlags('render', [
    ['--collapse-phase', flags.collapsePhase !== undefined],
    ['--collapse-organisation', flags.collapseOrganisation !== undefined],
    ['--route', flags.route !== undefined],
  ]);
  const loaded = await loadHouseholdFile(file, flags, context, flags.coalition);
  if (!loaded.ok) return loadFailed(loaded.diagnostics, flags, context);
  const path = loaded.value;
  const overlay = flags.overlay !== undefined ? readHouseholdOverlay(at(flags.overlay)) : undefined;
  if (overlay) checkHouseholdOverlay(path, overlay, flags.overlay!, flags.forceOverlay, flags.lang, context.stderr);
  const options = { lang: flags.lang, overlayMode: flags.overlayMode, ...(flags.edgeLabels !== undefined ? { edgeLabels: flags.edgeLabels } : {}), ...(overlay ? { overlay } : {}) };
  const text = flags.kind === 'flowchart' ? householdToMermaid(path, options) : householdToStateDiagram(path, options);
  return writeDiagram(text, labelText(path.title, flags.lang), file, flags, context);
}

/** Writes the diagram as the flags ask: Mermaid text, SVG or an HTML page; to a file or standard output; with a JSON summary. */
async function writeDiagram(text: string, title: string, file: string, flags: RenderFlags, context: CliContext): Promise<number> {
  const at = (f: string) => (isAbsolute(f) ? f : resolve(context.cwd, f));
  let output = text;
  if (flags.format !== 'mmd') {
    // the renderer and its heavy dependencies load only for these formats
    const render = await import('../../render/index.js');
    output = flags.format === 'svg' ? await render.renderSvg(text) : render.renderDiagramHtml(text, { title, lang: flags.lang });
  }
  if (flags.output !== undefined) {
    const inputs = [file, flags.overlay, flags.route, flags.coalition].filter((f): f is string => f !== undefined).map(at);
    await writeOutputFile(at(flags.output), output, inputs);
    if (!flags.json) reportWritten({ en: 'Diagram', nl: 'Diagram' }, flags.output, flags.lang, context);
  } else if (!flags.json) {
    context.stdout(output.endsWith('\n') ? output : output + '\n');
  }
  if (flags.json) {
    context.stdout(
      JSON.stringify({ kind: flags.kind, format: flags.format, lang: flags.lang, ...(flags.output !== undefined ? { output: at(flags.output) } : {}), ...(flags.format === 'mmd' ? { text } : {}) }, null, 2) + '\n',
    );
  }
  return EXIT.ok;
}
