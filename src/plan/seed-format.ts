// The stable text form of a seed plan: what `foxdev seed --dry-run`-style output and the plan
// tests compare. PURE. One numbered line per step, rollbacks indented beneath.
import type { SeedPlan, SeedStep } from './seed.js';

const q = (name: string): string => `"${name}"`;

export function formatSeedStep(s: SeedStep): string {
  switch (s.op) {
    case 'create-database':
      return `${s.dropFirst?.length ? `drop ${s.dropFirst.map(q).join(', ')} if present, then ` : ''}create database ${q(s.database)} owner ${q(s.owner)}${s.template ? ` as a copy of ${q(s.template)}` : ''}${s.ifMissing ? ' if missing' : ''}`;
    case 'drop-database':
      return `drop database ${s.databases.map(q).join(', ')} if present`;
    case 'apply-sql': {
      const files = s.files.length ? s.files.map((f) => f.display).join(', ') : '(no files)';
      return `${s.truncate ? 'truncate all tables and apply' : 'apply'} in one transaction to ${q(s.database)}: ${files}`;
    }
    case 'swap-database':
      return `swap ${q(s.replacement)} in as ${q(s.target)} (the current one renamed to ${q(s.retired)}, in one transaction)`;
    case 'restore-dump':
      return `pg_restore ${s.snapshot} into ${q(s.database)}`;
    case 'run-command': {
      const files = s.files.length ? ` with ${s.files.map((f) => f.display).join(', ')}` : '';
      return `run ${s.purpose} command on the ${s.where === 'host' ? 'host' : 'container'}: ${JSON.stringify(s.command)}${files}`;
    }
    case 'record-hash':
      return `record the ${s.source === 'snapshot' ? "snapshot's" : 'seed'} hash${s.database ? ` for ${q(s.database)}` : ''}`;
  }
}

export function formatSeedPlan(plan: SeedPlan): string {
  const lines = [`${plan.summary}`];
  plan.steps.forEach((p, i) => {
    lines.push(`  ${i + 1}. ${formatSeedStep(p.step)}${p.cleanup ? ' (cleanup, alongside what follows: a failure only warns)' : ''}`);
    for (const r of p.rollback) lines.push(`       on failure: ${formatSeedStep(r)}`);
  });
  return lines.join('\n');
}
