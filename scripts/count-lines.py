#!/usr/bin/env python3
"""Lines needed per seed example: YAML vs the Sailplan DSL vs fabric8's builders.

Usage: scripts/count-lines.py [SEED_EXAMPLES_DIR]   (default: ../shared/seed-examples)

YAML: non-blank, non-comment lines of the seed file. DSL and fabric8: non-blank, non-comment
lines of the method that builds the example (seed/Seed*.java and bench's fabric8/Fabric8Seed*.java),
without its signature, closing brace and the `return SeedExample.of("name",` / `return List.of(` line.
"""
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(ROOT), 'shared', 'seed-examples')


def methods(pattern):
    """name -> non-blank body lines, for every private static method in the files."""
    out = {}
    for path in glob.glob(os.path.join(ROOT, pattern)):
        lines = open(path, encoding='utf-8').read().split('\n')
        i = 0
        while i < len(lines):
            m = re.match(r'\s*private static \S+ (\w+)\(\) \{\s*$', lines[i])
            if not m:
                i += 1
                continue
            depth, body, j = 1, [], i + 1
            while depth > 0:
                depth += lines[j].count('{') - lines[j].count('}')
                if depth > 0:
                    body.append(lines[j])
                j += 1
            kept = [l for l in body if l.strip() and not l.strip().startswith('//')]
            kept = [l for l in kept if not re.match(r'\s*return (SeedExample\.of\("[^"]*",|List\.of\()\s*$', l)]
            out[m.group(1)] = len(kept)
            i = j
    return out


def yaml_lines(path):
    return sum(1 for l in open(path, encoding='utf-8') if l.strip() and not l.strip().startswith('#'))


def names(pattern):
    """seed file name -> method name, from `SeedExample.of("name"` inside each method."""
    out = {}
    for path in glob.glob(os.path.join(ROOT, pattern)):
        text = open(path, encoding='utf-8').read()
        for m in re.finditer(r'private static \S+ (\w+)\(\) \{\s*(?:[^{}]|\{[^{}]*\})*?SeedExample\.of\("([^"]+)"', text):
            out[m.group(2)] = m.group(1)
    return out


dsl = methods('examples/src/main/java/dev/sailplan/examples/seed/Seed*.java')
f8 = methods('bench/src/main/java/dev/sailplan/bench/fabric8/Fabric8Seed*.java')
seed_to_method = names('examples/src/main/java/dev/sailplan/examples/seed/Seed*.java')
rows, totals = [], [0, 0, 0]
for seed in sorted(seed_to_method):
    method = seed_to_method[seed]
    y = yaml_lines(os.path.join(SEEDS, seed + '.yaml'))
    d = dsl.get(method, 0)
    f = f8.get(method)
    rows.append((seed, y, d, f))
    totals[0] += y
    totals[1] += d
    totals[2] += f or 0
print('| seed example | YAML | DSL | fabric8 |')
print('| --- | ---: | ---: | ---: |')
for seed, y, d, f in rows:
    print(f'| {seed} | {y} | {d} | {"-" if f is None else f} |')
print(f'| **total** | **{totals[0]}** | **{totals[1]}** | **{totals[2] or "-"}** |')
print(f'\nDSL/YAML = {totals[1] / totals[0]:.2f}' + (f', DSL/fabric8 = {totals[1] / totals[2]:.2f}' if totals[2] else ''))
print(f'examples where DSL <= YAML: {sum(1 for _, y, d, _ in rows if d <= y)} of {len(rows)}')
