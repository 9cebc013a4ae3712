import { describe, expect, it } from 'vitest';
import {
  actionColumns,
  cellStatus,
  endsWithColon,
  headingDue,
  introducesActions,
  introducesAlternatives,
  isDoneHeading,
  isDoneNote,
  isExcludedHeading,
  isLabelledAction,
  isLabelledActionBullet,
  isNonItem,
  isNoteLabel,
  isSectionName,
  leadInSaysDone,
  readsAsTask,
  saysTaken,
  startsWithActionVerb,
} from '../../../src/core/markdown/action-vocabulary.js';

describe('action vocabulary', () => {
  it.each([
    ['Add a runbook for failover', true],
    ['make sure alerts page the on-call', true],
    ['Set up a canary', true],
    ['Adding more tests helped', false],
    ['The database was slow', false],
  ])('startsWithActionVerb(%j) is %s', (text, expected) => {
    expect(startsWithActionVerb(text)).toBe(expected);
  });

  it.each([
    ['We should add an alert on queue depth.', true],
    ['Rotate the credentials every quarter.', true],
    ['The team must review the runbook!', true],
    ['The outage lasted two hours.', false],
    ['add an alert on queue depth.', false],
    ['Add alerts', false],
  ])('readsAsTask(%j) is %s', (line, expected) => {
    expect(readsAsTask(line)).toBe(expected);
  });

  it.each([
    ['Actions taken', true],
    ['Immediate actions (completed)', true],
    ['Already implemented', true],
    ['Actions to be taken', false],
    ['Completed items that should be reviewed', false],
    ['Action items', false],
  ])('isDoneHeading(%j) is %s', (text, expected) => {
    expect(isDoneHeading(text)).toBe(expected);
  });

  it.each([
    ['Actions taken', true],
    ['Mistakes were overtaken', false],
  ])('saysTaken(%j) is %s', (label, expected) => {
    expect(saysTaken(label)).toBe(expected);
  });

  it.each([
    ['This has been done.', true],
    ['It was already fixed in v1.2', true],
    ['Done in PR #4', true],
    ['This is still open', false],
    ['Not done yet', false],
  ])('isDoneNote(%j) is %s', (text, expected) => {
    expect(isDoneNote(text)).toBe(expected);
  });

  it.each([
    ['Going forward, we will:', true],
    ['To prevent this from happening again:', true],
    ['Next steps', false],
    ['We will do the following. Specifically:', false],
    ['The following services were affected:', false],
  ])('introducesActions(%j) is %s', (text, expected) => {
    expect(introducesActions(text)).toBe(expected);
  });

  it.each([
    ['Fix it by doing one of:', true],
    ['Choose either:', true],
    ['Do the following:', false],
  ])('introducesAlternatives(%j) is %s', (text, expected) => {
    expect(introducesAlternatives(text)).toBe(expected);
  });

  it.each([
    ['Do the following:', true],
    ['Do the following:  ', true],
    ['Do the following.', false],
  ])('endsWithColon(%j) is %s', (text, expected) => {
    expect(endsWithColon(text)).toBe(expected);
  });

  it.each([
    ['Steps already taken:', true],
    ['These have been completed:', true],
    ['Planned work:', false],
  ])('leadInSaysDone(%j) is %s', (text, expected) => {
    expect(leadInSaysDone(text)).toBe(expected);
  });

  it.each([
    ['Action point: add a dashboard', true],
    ['Action items: review the alerts', true],
    ['Follow-up: rotate keys', true],
    ['TODO: write the runbook', true],
    ['Action point:', false],
    ['Actions were taken quickly', false],
  ])('isLabelledAction(%j) is %s', (text, expected) => {
    expect(isLabelledAction(text)).toBe(expected);
  });

  it.each([
    ['Action item: add a dashboard', true],
    ['Follow-up: rotate keys', false],
    ['Action item:', false],
  ])('isLabelledActionBullet(%j) is %s', (text, expected) => {
    expect(isLabelledActionBullet(text)).toBe(expected);
  });

  it.each([
    ['Release checklist', true],
    ['Alternatives considered', true],
    ['Appendix', true],
    ['Long-term fixes', false],
  ])('isExcludedHeading(%j) is %s', (text, expected) => {
    expect(isExcludedHeading(text)).toBe(expected);
  });

  it.each([
    ['Notes:', true],
    ['See also', true],
    ['Background', true],
    ['In progress', false],
  ])('isNoteLabel(%j) is %s', (label, expected) => {
    expect(isNoteLabel(label)).toBe(expected);
  });

  it.each([
    ['Action Items', true],
    ['  next steps ', true],
    ['Lessons learned', true],
    ['Follow-ups', true],
    ['Action items for the team', false],
  ])('isSectionName(%j) is %s', (label, expected) => {
    expect(isSectionName(label)).toBe(expected);
  });

  it.each([
    ['Long-term', 'Long-term'],
    ['Short term fixes', 'Short term'],
    ['Immediately', 'Immediately'],
    ['Q4 2025 - Q1 2026', 'Q4 2025 - Q1 2026'],
    ['H2 2026 goals', 'H2 2026'],
    ['Action items', null],
  ])('headingDue(%j) is %j', (text, expected) => {
    expect(headingDue(text)).toBe(expected);
  });

  it.each([
    ['N/A', true],
    ['none', true],
    ['---', true],
    ['…', true],
    ['<action item>', true],
    ['{{ owner }}', true],
    ['[describe the fix]', true],
    ['Nothing yet.', true],
    ['Add a dashboard', false],
    ['TODO: add a dashboard', false],
  ])('isNonItem(%j) is %s', (plain, expected) => {
    expect(isNonItem(plain)).toBe(expected);
  });

  it.each([
    ['Done', 'done'],
    [' Yes ', 'done'],
    ['Merged in #4', 'done'],
    ['In progress', 'open'],
    ['no', 'open'],
    ['Blocked', null],
  ])('cellStatus(%j) is %j', (text, expected) => {
    expect(cellStatus(text)).toBe(expected);
  });

  it.each([
    [['Action Item', 'Owner', 'Due'], { item: 0, owner: 1, due: 2, strong: true }],
    [['Owner', 'Action items (short)', 'Status'], { item: 1, owner: 0, status: 2, strong: true }],
    [
      ['Task', 'Assignee', 'Deadline', 'Jira'],
      { item: 0, owner: 1, due: 2, tracker: 3, strong: false },
    ],
    [['Description', 'Priority', 'Type'], { item: 0, priority: 1, type: 2, strong: false }],
    [['Issue', 'Triggered by', 'Outcome'], { item: 0, status: 2, strong: false }],
    [['Actions'], { item: 0, strong: false }],
    [['Description'], null],
    [['Time', 'Event'], null],
    [['Owner', 'Due'], null],
  ])('actionColumns(%j) is %j', (headers, expected) => {
    expect(actionColumns(headers)).toEqual(expected);
  });
});
