/**
 * The e2e files' Jest environment: Node's, plus one fact the harness (app.ts) needs and Jest does not
 * give a test file: whether another test of the file will run after the one starting. With it, a file
 * whose tests each get a fresh server starts the next test's server and page while a test runs, and
 * not after the last one (that start would be wasted).
 */
import type { Circus } from '@jest/types';
import { TestEnvironment } from 'jest-environment-node';

/** Where app.ts reads it: `globalThis[MORE_TESTS]` is true while a test runs that has another after it. */
export const MORE_TESTS = Symbol.for('monshi.e2e.moreTests');

/** The test's name as `-t` matches it (jest-circus's getTestID): its describe blocks' names and its own. */
function testId(test: Circus.TestEntry): string {
  const names = [test.name];
  for (let block = test.parent; block.parent; block = block.parent) names.unshift(block.name);
  return names.join(' ');
}

/** Whether jest-circus runs `test` (its own rule in _runTest: skipped, not focused, or not matching `-t`). */
function willRun(test: Circus.TestEntry, state: Circus.State): boolean {
  for (let block: Circus.DescribeBlock | undefined = test.parent; block; block = block.parent) if (block.mode === 'skip') return false;
  if (test.mode === 'skip' || test.mode === 'todo' || test.concurrent) return false;
  if (state.hasFocusedTests && test.mode !== 'only') return false;
  return !state.testNamePattern || state.testNamePattern.test(testId(test));
}

function testsInOrder(block: Circus.DescribeBlock): Circus.TestEntry[] {
  return block.children.flatMap((child) => (child.type === 'test' ? [child] : testsInOrder(child)));
}

export default class E2eEnvironment extends TestEnvironment {
  handleTestEvent(event: Circus.Event, state: Circus.State): void {
    if (event.name !== 'test_start') return;
    const all = testsInOrder(state.rootDescribeBlock);
    const later = all.slice(all.indexOf(event.test) + 1);
    (this.global as Record<symbol, unknown>)[MORE_TESTS] = later.some((t) => willRun(t, state));
  }
}
