import { analyze, analyzeThread } from 'threadmap';

// A thread as generic JSON (or pass a plain-text paste, a Reddit/HN/Discourse export...).
const [graph] = analyze(JSON.stringify({
  id: 'zoning',
  comments: [
    { id: 'op', text: 'Cities should legalise duplexes everywhere. Rents will fall within a decade.' },
    { id: 'r1', parentId: 'op', text: '> Rents will fall within a decade.\n\nThat is not true, land prices absorb the gains.' },
    { id: 'r2', parentId: 'r1', text: 'I disagree that land prices absorb the gains, because supply still rises.' },
  ],
}));

for (const unit of graph.units) console.log(unit.id, unit.type.padEnd(10), unit.text);
for (const edge of graph.edges) console.log(edge.from, edge.type, edge.to, edge.evidence.kind, edge.confidence);

// Or build the Thread yourself; the result follows the same contract.
const again = analyzeThread({ id: 't', source: 'json', comments: graph.thread.comments });
console.log(again.units.length === graph.units.length);
