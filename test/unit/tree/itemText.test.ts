// What the tree says about each item: accessible labels that state the item's state, the short
// skill description for a narrow side bar, resources that need the internet, and escaping.
import * as assert from 'node:assert/strict';
import {
  escapeMarkdown, needsInternet, projectLabel, projectMilestonesDescription, resourceDescription, resourceLabel, resourcesLabel, skillDescription,
  skillLabel, topicLabel,
} from '../../../src/tree/itemText';

describe('tree item texts', () => {
  it('a topic\'s accessible label says done or not done, and a note', () => {
    assert.equal(topicLabel('Object-oriented programming', true), 'Object-oriented programming, topic, done');
    assert.equal(topicLabel('Object-oriented programming', false), 'Object-oriented programming, topic, not done');
    assert.equal(topicLabel('Testing', false, true), 'Testing, topic, not done, has a note');
  });

  it('a skill\'s accessible label says how many of its items are done', () => {
    assert.equal(skillLabel('Python & Programming', 4, 13), 'Python & Programming, skill, 4 of 13 done');
  });

  it('a project\'s row description counts milestones against the total, and says how many were ticked by hand', () => {
    assert.equal(projectMilestonesDescription({ milestones: 2, byHand: 1, totalMilestones: 4 }), '2 of 4 milestones (1 by hand)');
    assert.equal(projectMilestonesDescription({ milestones: 1, byHand: 0, totalMilestones: 1 }), '1 of 1 milestone');
    assert.equal(projectMilestonesDescription({ milestones: 0, byHand: 0, totalMilestones: 4 }), '');
    assert.equal(projectMilestonesDescription({ milestones: 3, byHand: 2 }), '3 milestones (2 by hand)');
  });

  it('a project\'s accessible label counts milestones against the total when it is known', () => {
    const base = { done: false, milestones: 2, byHand: 0, scaffolded: false };
    assert.equal(projectLabel('AI Utilities Library', { ...base, totalMilestones: 4 }), 'AI Utilities Library, project, 2 of 4 milestones');
    assert.equal(
      projectLabel('AI Utilities Library', { ...base, byHand: 1, totalMilestones: 4, scaffolded: true }),
      'AI Utilities Library, project, 2 of 4 milestones, 1 by hand, scaffolded',
    );
    assert.equal(projectLabel('P', { ...base, milestones: 0, totalMilestones: 1 }), 'P, project, 0 of 1 milestone');
    assert.equal(projectLabel('P', { ...base, milestones: 1 }), 'P, project, 1 milestone');
    assert.equal(projectLabel('P', { ...base, milestones: 0, done: true }), 'P, project, done');
  });

  it('the skill row\'s description is only the count, short enough for a narrow side bar', () => {
    assert.equal(skillDescription(4, 13), '4/13');
    assert.ok(skillDescription(13, 13).length <= 5);
  });

  it('http(s) resources need the internet, and say so in the description and the label', () => {
    assert.equal(needsInternet('https://docs.python.org/3/'), true);
    assert.equal(needsInternet('HTTP://example.org'), true);
    assert.equal(needsInternet('file:///home/me/book.pdf'), false);
    assert.equal(resourceDescription('https://docs.python.org/3/'), '(needs internet)');
    assert.equal(resourceDescription('vscode://file/x'), '');
    assert.equal(resourceLabel('Python.org Documentation', 'https://docs.python.org/3/'), 'Python.org Documentation, link, needs internet');
    assert.equal(resourceLabel('Local notes', 'file:///notes.md'), 'Local notes, link');
    assert.equal(resourcesLabel(3), 'Resources, 3 links');
    assert.equal(resourcesLabel(1), 'Resources, 1 link');
  });

  it('escapes every character markdown, theme icons or autolinks would act on', () => {
    const text = 'Use **bold**, `code`, [a](b), $(icon), <b>, # h, 1. x, a_b, ~s~, https://x.org & more!';
    const escaped = escapeMarkdown(text);
    assert.doesNotMatch(escaped, /(?<!\\)[*`[\]()$<>#_~:&!]/);
    assert.equal(escaped.replace(/\\(.)/g, '$1'), text, 'unescaping gives the text back');
  });
});
