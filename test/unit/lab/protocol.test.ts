import * as assert from 'node:assert/strict';
import { isWebviewMessage } from '../../../src/shared/labProtocol';

describe('webview message guard', () => {
  const accepted: unknown[] = [
    { type: 'ready' },
    { type: 'run' },
    { type: 'run', milestoneId: 'load-data' },
    { type: 'cancel' },
    { type: 'markManual', milestoneId: 'a-1', done: true },
    { type: 'compare', milestoneId: 'x' },
    { type: 'openFile', path: 'src/model.py' },
    { type: 'openFile', path: 'src/model.py', line: 42 },
    { type: 'openLink', url: 'https://docs.python.org/3/' },
    { type: 'openLink', url: 'HTTPS://docs.python.org/3/' },
    { type: 'scaffold' }, { type: 'trust' }, { type: 'installEnvironment' }, { type: 'openDemo' },
    { type: 'showTestChanges' }, { type: 'restoreTests' }, { type: 'startOver' },
    { type: 'selectInterpreter' }, { type: 'setPythonPath' },
  ];
  for (const m of accepted) it(`accepts ${JSON.stringify(m)}`, () => assert.equal(isWebviewMessage(m), true));

  const rejected: unknown[] = [
    null, 42, 'ready', [], {}, { type: 'nope' },
    { type: 'ready', extra: 1 },
    { type: 'openDemo', demo: 'draw' },
    { type: 'restoreTests', paths: ['../../etc/passwd'] },
    { type: 'startOver', folder: '/tmp' },
    { type: 'setPythonPath', path: '/tmp/evil' },
    { type: 'selectInterpreter', python: '/tmp/evil' },
    // The lab's old request/reply convention is gone: a requestId is an unknown key.
    { type: 'run', requestId: 1 },
    { type: 'run', requestId: 7, milestoneId: 'load-data' },
    { type: 'run', milestoneId: '../x' },
    { type: 'run', milestoneId: 'A' },
    { type: 'markManual', milestoneId: 'a', done: 'yes' },
    { type: 'openFile', path: '/etc/passwd' },
    { type: 'openFile', path: '../../secret' },
    { type: 'openFile', path: 'src/../../x' },
    { type: 'openFile', path: 'C:/x' },
    { type: 'openFile', path: 'a\\b' },
    { type: 'openFile', path: 'src/m.py', line: 0 },
    { type: 'openFile', path: 'src/m.py', line: -3 },
    { type: 'openFile', path: 'src/m.py', line: 1.5 },
    { type: 'openFile', path: 'src/m.py', line: '42' },
    { type: 'openFile', path: 'src/m.py', line: 1e12 },
    { type: 'openFile', path: 'src/m.py', line: 3, column: 1 },
    { type: 'openLink', url: 'javascript:alert(1)' },
    { type: 'openLink', url: 'JavaScript:alert(1)' }, { type: 'openLink', url: 'https://' },
    { type: 'openLink', url: 'command:workbench.action.terminal.new' },
    { type: 'openLink', url: 'file:///etc/passwd' },
  ];
  for (const m of rejected) it(`rejects ${JSON.stringify(m)}`, () => assert.equal(isWebviewMessage(m), false));
});
