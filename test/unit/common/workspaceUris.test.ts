// Folder containment, decided one way: same scheme and authority, a path strictly below the
// folder's; a sibling whose name starts with the folder's is not inside it.
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { isInside, pathInside } from '../../../src/common/workspaceUris';

const uri = (path: string, scheme = 'file', authority = ''): vscode.Uri => ({ scheme, authority, path }) as vscode.Uri;

describe('folder containment', () => {
  const folder = uri('/work/proj');

  it('gives the path below the folder', () => {
    assert.equal(pathInside(folder, uri('/work/proj/src/a.py')), 'src/a.py');
    assert.equal(pathInside(uri('/work/proj/'), uri('/work/proj/a.py')), 'a.py');
    assert.equal(pathInside(uri('/'), uri('/a')), 'a');
  });

  it('refuses the folder itself, a sibling with the same prefix, and other places', () => {
    for (const other of [uri('/work/proj'), uri('/work/proj/'), uri('/work/proj-old/a.py'), uri('/work/pro'), uri('/elsewhere/proj/a.py')]) {
      assert.equal(isInside(folder, other), false, other.path);
    }
  });

  it('refuses another scheme or authority', () => {
    assert.equal(isInside(folder, uri('/work/proj/a.py', 'untitled')), false);
    assert.equal(isInside(uri('/work/proj', 'vscode-remote', 'ssh-remote+a'), uri('/work/proj/a.py', 'vscode-remote', 'ssh-remote+b')), false);
    assert.equal(isInside(uri('/work/proj', 'vscode-remote', 'ssh-remote+a'), uri('/work/proj/a.py', 'vscode-remote', 'ssh-remote+a')), true);
  });
});
