import { createAnalyzer } from '@topictag/core';
const a = createAnalyzer().analyze({ id: 'x', source: 'x', lang: 'ar', text: process.argv[2] });
for (const e of a.entities) console.log(e.id, e.type, e.name, e.mentions.map((m) => m.text).join(' | '));
