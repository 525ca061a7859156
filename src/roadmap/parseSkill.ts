// One skill file (`NN-name.md`) → a Skill, plus everything wrong with it.
// Long on purpose: it is the whole grammar of a skill file (title, duration, sections, topics,
// projects, resources), read top to bottom in one place.
import type { Heading, ListItem, RootContent } from 'mdast';
import type { Node } from 'unist';
import { toString as nodeText } from 'mdast-util-to-string';
import type { Diagnostic, Duration, Project, Resource, SourceFile, SourceRange, Skill, Topic } from './model';
import { error, fileRange, nodeRange, warning, type DiagnosticCode } from './diagnostics';
import { checkId, collapseWhitespace, sourceTrailingId, splitTrailingId, type IdRegistry } from './ids';
import { durationValue, isDurationLine, parseDurationValue } from './duration';
import { normalizeText, parseMarkdown } from './markdown';
import { checkInputLimits } from './limits';
import { headingText, sectionKey, splitSections, type Section } from './sections';
import { blocksMarkdown, idMarkerRange, joinSoftWraps, listItemMarkdown, sliceNode } from './source';
import { describeBlock, isInvisible } from './blocks';
import { parseResourceItem } from './parseResource';

export interface SkillFileResult {
  /** `undefined` when the skill has no usable id (the diagnostics say why). */
  readonly skill: Skill | undefined;
  readonly diagnostics: Diagnostic[];
}

/** What a parse step needs to know about the file it works on. */
interface Context {
  readonly path: string;
  readonly text: string;
  readonly ids: IdRegistry;
  readonly out: Diagnostic[];
}

interface Titled {
  readonly title: string;
  /** Valid and not taken by an earlier item; `undefined` leaves the item out of the model. */
  readonly id: string | undefined;
  readonly range: SourceRange;
}

function errorAt(ctx: Context, code: DiagnosticCode, message: string, node: Node): void {
  ctx.out.push(error(code, message, nodeRange(ctx.path, node)));
}

function warnAt(ctx: Context, code: DiagnosticCode, message: string, node: Node): void {
  ctx.out.push(warning(code, message, nodeRange(ctx.path, node)));
}

/** Warns about blocks that are not read where they stand (comments and definitions excepted). */
function warnIgnored(ctx: Context, nodes: readonly RootContent[], where: (block: string) => string): void {
  for (const node of nodes) {
    if (!isInvisible(node)) warnAt(ctx, 'unexpected-content', where(describeBlock(node)), node);
  }
}

/**
 * Parses one skill file. `order` is its 1-based place among the skill files; `ids` is shared by
 * the whole roadmap so duplicates across files are caught.
 */
export function parseSkillFile(file: SourceFile, order: number, ids: IdRegistry): SkillFileResult {
  const checked = checkInputLimits(file.path, normalizeText(file.text));
  const ctx: Context = { path: file.path, text: checked.text, ids, out: checked.diagnostics };
  if (checked.blocked) return { skill: undefined, diagnostics: ctx.out };
  const root = parseMarkdown(ctx.text);
  const titleIndex = root.children.findIndex((n) => n.type === 'heading' && n.depth === 1);
  const titleNode = titleIndex >= 0 ? (root.children[titleIndex] as Heading) : undefined;

  warnIgnored(ctx, root.children.slice(0, Math.max(0, titleIndex)), (b) => `This ${b} comes before the skill title and is ignored`);
  // Further `#` headings are reported and dropped, so their content joins the current section.
  const body = root.children.slice(titleIndex + 1).filter((node) => {
    if (node.type !== 'heading' || node.depth !== 1) return true;
    errorAt(ctx, 'multiple-titles', 'A skill file has a single "# Title {#id}" heading; this one is ignored', node);
    return false;
  });

  const header = titleNode ? parseTitled(ctx, titleNode, 'Skill', '# Title {#id}') : missingTitle(ctx);
  const name = header.title ? `Skill "${header.title}"` : 'The skill';
  const { before: preamble, sections } = splitSections(body, 2);
  const duration = parseDuration(ctx, preamble, name, header.range);
  const description = blocksMarkdown(ctx.text, preamble.filter((n) => !isDurationParagraph(n)));
  if (!description) {
    const message = `${name} has no description: add a paragraph under the Duration line`;
    ctx.out.push(warning('missing-description', message, header.range));
  }

  const skillId = header.id ?? '';
  const resources: Resource[] = [];
  const topics: Topic[] = [];
  const projects: Project[] = [];
  for (const section of sections) {
    const title = headingText(section.heading);
    const key = sectionKey(title);
    if (key === 'resources') {
      for (const item of listItems(ctx, section, 'Resources')) {
        const resource = parseResourceItem(ctx.path, item, ctx.out);
        if (resource) resources.push(resource);
      }
    } else if (key === 'topics') {
      for (const item of listItems(ctx, section, 'Topics', unindentedTopicText)) {
        const topic = parseTopic(ctx, item, skillId);
        if (topic) topics.push(topic);
      }
    } else if (key === 'projects') {
      projects.push(...parseProjects(ctx, section, skillId));
    } else {
      const message = `Unknown section "${title}": a skill has only Resources, Topics and Projects sections`;
      errorAt(ctx, 'unknown-section', message, section.heading);
    }
  }

  if (header.id === undefined) return { skill: undefined, diagnostics: ctx.out };
  const skill: Skill = {
    kind: 'skill',
    id: header.id,
    title: header.title || header.id,
    order,
    duration,
    description,
    resources,
    topics,
    projects,
    file: ctx.path,
    range: header.range,
  };
  return { skill, diagnostics: ctx.out };
}

function missingTitle(ctx: Context): Titled {
  const range = fileRange(ctx.path);
  ctx.out.push(error('missing-title', 'The skill file has no title: start it with "# Title {#id}"', range));
  return { title: '', id: undefined, range };
}

/** A `# / ### Title {#id}` heading: reports a missing title or id and claims the id. */
function parseTitled(ctx: Context, heading: Heading, what: string, example: string): Titled {
  const range = nodeRange(ctx.path, heading);
  const { title, id: textId } = splitTrailingId(nodeText(heading));
  const rawId = sourceTrailingId(sliceNode(ctx.text, heading)) ?? textId;
  if (!title) {
    const detail = rawId === undefined ? `the heading is empty: write "${example}"` : 'the heading has only an id';
    ctx.out.push(error('missing-title', `${what} has no title: ${detail}`, range));
    if (rawId === undefined) return { title, id: undefined, range };
  }
  const marker = idMarkerRange(ctx.path, ctx.text, heading);
  const id = checkId(what, title, rawId, { item: range, marker }, ctx.out);
  const claimed = id !== undefined && ctx.ids.claim(id, what, range, ctx.out, marker) ? id : undefined;
  return { title, id: claimed, range };
}

function isDurationParagraph(node: RootContent): boolean {
  return node.type === 'paragraph' && isDurationLine(nodeText(node));
}

/** The `Duration:` paragraph anywhere before the first section; `{ text: '' }` when missing. */
function parseDuration(ctx: Context, preamble: readonly RootContent[], name: string, titleRange: SourceRange): Duration {
  const node = preamble.find(isDurationParagraph);
  if (!node) {
    const message = `${name} has no duration: add "Duration: N weeks" under the title`;
    ctx.out.push(error('missing-duration', message, titleRange));
    return { text: '' };
  }
  const value = durationValue(nodeText(node));
  const duration = parseDurationValue(value);
  if (duration) return duration;
  errorAt(ctx, 'invalid-duration', `Invalid duration "${value}": use "N weeks", "N-M weeks" or "Ongoing"`, node);
  return { text: value };
}

/**
 * The items of every list in a section; anything else there is reported and skipped. `explain`
 * may give a better message for a block, knowing the block before it.
 */
function listItems(
  ctx: Context, section: Section, name: string,
  explain?: (node: RootContent, previous: RootContent | undefined) => string | undefined,
): ListItem[] {
  const items: ListItem[] = [];
  section.body.forEach((node, i) => {
    if (node.type === 'list') items.push(...node.children);
    else if (!isInvisible(node)) {
      const message = explain?.(node, section.body[i - 1]) ?? `Only a list belongs under ${name}; this ${describeBlock(node)} is ignored`;
      warnAt(ctx, 'unexpected-content', message, node);
    }
  });
  return items;
}

// `- [ ]` with nothing after it is not a task item for GFM: its text is the bare brackets.
const EMPTY_TASK = /^\[[ xX]?\]$/;

/** A paragraph right after the topic list, not indented under an item: the likely slip. */
function unindentedTopicText(node: RootContent, previous: RootContent | undefined): string | undefined {
  if (node.type !== 'paragraph' || previous?.type !== 'list') return undefined;
  return 'This paragraph is not indented under a topic and is ignored: to make it the text of the topic above, ' +
    'leave a blank line after the topic and indent the text by two spaces, under the "[ ]"';
}

// The first line of a title paragraph that ends in `{#id}`, and the text after it.
const ID_THEN_MORE = /^([^\n]*\{#[^{}\n]*\}[ \t]*)\n([\s\S]*\S[\s\S]*)$/;

function parseTopic(ctx: Context, item: ListItem, skillId: string): Topic | undefined {
  const range = nodeRange(ctx.path, item);
  const [first, ...rest] = item.children;
  let text = first?.type === 'paragraph' ? nodeText(first) : '';
  if (item.checked == null && EMPTY_TASK.test(text.trim())) text = '';
  // The text written on the very next line (no blank line) continues the title's paragraph.
  const glued = ID_THEN_MORE.exec(text);
  if (glued) text = glued[1] ?? '';
  const { title, id: textId } = splitTrailingId(text);
  // The id exactly as written (markdown inside it is not interpreted), from the title's own line.
  let source = first?.type === 'paragraph' ? sliceNode(ctx.text, first) : undefined;
  if (source !== undefined && glued) source = ID_THEN_MORE.exec(source)?.[1] ?? source.split('\n')[0];
  const rawId = (source !== undefined ? sourceTrailingId(source) : undefined) ?? textId;
  if (!title) {
    ctx.out.push(error('empty-topic', 'Empty topic: write "- [ ] Title {#id}"', range));
    return undefined;
  }
  const marker = first ? idMarkerRange(ctx.path, ctx.text, first) : range;
  const id = checkId('Topic', title, rawId, { item: range, marker }, ctx.out);
  if (id === undefined || !ctx.ids.claim(id, 'Topic', range, ctx.out, marker)) return undefined;
  if (item.checked == null) {
    const message = `Topic "${title}" is not a task list item: write "- [ ] ${title} {#${id}}"`;
    ctx.out.push(warning('not-a-task', message, range));
  }
  if (glued) {
    const message = `The text of topic "${title}" starts right under its title: leave a blank line between them (the text is read anyway)`;
    ctx.out.push(warning('topic-text-not-separated', message, range));
  }
  const summary = [...(glued?.[2] ? [glued[2]] : []), ...topicParagraphs(ctx, rest, title)].map(collapseWhitespace).filter(Boolean);
  return { kind: 'topic', id, title, skillId, summary: summary.join('\n\n'), range };
}

/** The plain text of the paragraphs under a topic's title; any other block is reported and skipped. */
function topicParagraphs(ctx: Context, blocks: readonly RootContent[], title: string): string[] {
  const texts: string[] = [];
  for (const node of blocks) {
    if (node.type === 'paragraph') texts.push(nodeText(node));
    else if (!isInvisible(node)) {
      warnAt(ctx, 'unexpected-content', `The text of topic "${title}" is plain paragraphs; this ${describeBlock(node)} is ignored`, node);
    }
  }
  return texts;
}

function parseProjects(ctx: Context, section: Section, skillId: string): Project[] {
  const { before, sections } = splitSections(section.body, 3);
  warnIgnored(ctx, before, (b) => `This ${b} comes before the first "### Project {#id}" heading and is ignored`);
  const projects: Project[] = [];
  for (const s of sections) {
    const project = parseProject(ctx, s, skillId);
    if (project) projects.push(project);
  }
  return projects;
}

function parseProject(ctx: Context, section: Section, skillId: string): Project | undefined {
  const header = parseTitled(ctx, section.heading, 'Project', '### Title {#id}');
  const { before, sections } = splitSections(section.body, 4);
  const description = blocksMarkdown(ctx.text, before);
  if (!description) {
    const name = header.title ? `Project "${header.title}"` : 'The project';
    ctx.out.push(warning('missing-description', `${name} has no description: add a paragraph under its heading`, header.range));
  }
  const includes: string[] = [];
  const keyFeatures: string[] = [];
  const practice: string[] = [];
  for (const sub of sections) {
    const title = headingText(sub.heading);
    const key = sectionKey(title);
    if (key === 'includes') includes.push(...bulletTexts(ctx, sub, 'Includes'));
    else if (key === 'key features') keyFeatures.push(...bulletTexts(ctx, sub, 'Key features'));
    else if (key === 'practice') practice.push(blocksMarkdown(ctx.text, sub.body));
    else {
      const message = `Unknown project section "${title}": a project has only Includes, Key features and Practice sections`;
      errorAt(ctx, 'unknown-section', message, sub.heading);
    }
  }
  if (header.id === undefined) return undefined;
  return {
    kind: 'project',
    id: header.id,
    title: header.title || header.id,
    skillId,
    description,
    includes,
    keyFeatures,
    practice: practice.filter((p) => p !== '').join('\n\n'),
    range: header.range,
  };
}

/** List items as one-line markdown strings (soft wraps joined), empty ones dropped. */
function bulletTexts(ctx: Context, section: Section, name: string): string[] {
  return listItems(ctx, section, name)
    .map((item) => collapseWhitespace(joinSoftWraps(listItemMarkdown(ctx.text, item))))
    .filter((s) => s !== '');
}
