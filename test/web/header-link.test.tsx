// The terminal dashboard's header shows the web dashboard's link when the session serves one.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { Header } from '../../src/ui/components/Header.js';

describe('the dashboard header', () => {
  it('shows the web link, and nothing when there is none', () => {
    const summary = { total: 3, ok: 2, bad: 0 };
    const withLink = render(<Header project="shop" summary={summary} webUrl="http://127.0.0.1:4000/?token=abc" />);
    expect(withLink.lastFrame()).toContain('web: http://127.0.0.1:4000/?token=abc');
    withLink.unmount();
    const without = render(<Header project="shop" summary={summary} />);
    expect(without.lastFrame()).toContain('2/3 ready');
    expect(without.lastFrame()).not.toContain('web:');
    without.unmount();
  });
});
