// Summarizes bench/results/raw.csv: medians and min–max over rounds per server, case and connection count,
// and the ratios emulator/peer computed pair by pair within each round (then their median and min–max).
const fs = require('fs');
const [raw, out] = process.argv.slice(2);
const rows = fs.readFileSync(raw, 'utf8').trim().split('\n').slice(1).map(l => {
  const [round, server, kase, conns, rps, p50, p99, non2xx, errors, startup, rss] = l.split(',');
  return { round: +round, server, kase, conns: +conns, rps: +rps, p50: +p50, p99: +p99, non2xx: +non2xx, errors: +errors, startup: +startup, rss: +rss };
});
const median = a => { const s = [...a].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const span = a => `${Math.min(...a)}–${Math.max(...a)}`;
const fmt = (a, d = 0) => `${median(a).toFixed(d)} (${Math.min(...a).toFixed(d)}–${Math.max(...a).toFixed(d)})`;
const groups = new Map();
for (const r of rows) {
  const k = `${r.server}|${r.kase}|${r.conns}`;
  if (!groups.has(k)) groups.set(k, []);
  groups.get(k).push(r);
}
const csv = ['server,case,connections,rounds,rps_median,rps_min,rps_max,p50_ms_median,p99_ms_median,p99_ms_max,startup_ms_median,rss_mb_median,rss_mb_max'];
let md = '| server | case | conns | req/s median (min–max) | p50 ms | p99 ms median (min–max) | start to first answer ms | RSS after load MB |\n|---|---|---|---|---|---|---|---|\n';
const dat = [];
for (const [k, g] of groups) {
  const [server, kase, conns] = k.split('|');
  const rps = g.map(r => r.rps), p99 = g.map(r => r.p99);
  csv.push([server, kase, conns, g.length, median(rps), Math.min(...rps), Math.max(...rps), median(g.map(r => r.p50)), median(p99),
    Math.max(...p99), median(g.map(r => r.startup)), median(g.map(r => r.rss)), Math.max(...g.map(r => r.rss))].join(','));
  md += `| ${server} | ${kase} | ${conns} | ${fmt(rps)} | ${median(g.map(r => r.p50)).toFixed(2)} | ${fmt(p99, 2)} | ${fmt(g.map(r => r.startup))} | ${fmt(g.map(r => r.rss))} |\n`;
  dat.push(`"${server}${kase === 'fixed' ? '' : ' ' + kase} c${conns}" ${median(rps)} ${median(p99)}`);
}
md += '\n| ratio (within each round) | conns | median (min–max) |\n|---|---|---|\n';
const ratioCsv = ['emulator_case,peer,connections,ratio_median,ratio_min,ratio_max'];
// Same-emulator comparisons, round by round: signature V3 against the RPC signature (the same sample), and the
// journal on (dryrun, the default) against off (nojournal, DTS_JOURNAL_SIZE=0).
for (const [kase, base, label] of [['v3', 'dryrun', 'emulator v3 / emulator dryrun (RPC signature)'],
                                   ['dryrun', 'nojournal', 'emulator dryrun (journal on) / emulator nojournal (journal off)'],
                                   ['dryrun-durable', 'dryrun', 'emulator dryrun-durable (DTS_DATA_DIR) / emulator dryrun (memory)'],
                                   ['modify-durable', 'modify', 'emulator modify-durable (DTS_DATA_DIR) / emulator modify (memory)']]) {
  for (const conns of [16, 64]) {
    const ratios = [];
    for (const round of new Set(rows.map(r => r.round))) {
      const a = rows.find(r => r.round === round && r.server === 'emulator' && r.kase === kase && r.conns === conns);
      const b = rows.find(r => r.round === round && r.server === 'emulator' && r.kase === base && r.conns === conns);
      if (a && b && b.rps > 0) ratios.push(a.rps / b.rps);
    }
    if (ratios.length) {
      md += `| ${label} | ${conns} | ${fmt(ratios, 2)} |\n`;
      ratioCsv.push([kase, 'emulator-' + base, conns, median(ratios).toFixed(3), Math.min(...ratios).toFixed(3), Math.max(...ratios).toFixed(3)].join(','));
    }
  }
}
for (const kase of ['dryrun', 'read', 'modify', 'xml', 'v3']) {
  for (const peer of ['wiremock', 'prism', 'nginx', 'baseline']) {
    for (const conns of [16, 64]) {
      const ratios = [];
      for (const round of new Set(rows.map(r => r.round))) {
        const e = rows.find(r => r.round === round && r.server === 'emulator' && r.kase === kase && r.conns === conns);
        // The baseline (BASELINE_REF) is the emulator of another commit: compared case for case.
        const p = rows.find(r => r.round === round && r.server === peer && r.conns === conns && (peer !== 'baseline' || r.kase === kase));
        if (e && p && p.rps > 0) ratios.push(e.rps / p.rps);
      }
      if (!ratios.length) continue;
      md += `| emulator ${kase} / ${peer} | ${conns} | ${fmt(ratios, 2)} |\n`;
      ratioCsv.push([kase, peer, conns, median(ratios).toFixed(3), Math.min(...ratios).toFixed(3), Math.max(...ratios).toFixed(3)].join(','));
    }
  }
}
// The JUnit extension (emulator-junit), timed by ExtensionTimings.java in a fresh JVM per round; WireMock's start
// to first answer, from the same run, as the peer.
if (fs.existsSync(`${out}/extension.csv`)) {
  const lines = fs.readFileSync(`${out}/extension.csv`, 'utf8').trim().split('\n').slice(1).map(l => l.split(','));
  const wm = rows.filter(r => r.server === 'wiremock').map(r => r.startup);
  // Older files have no jvm column: their rows are the default JVM's.
  const of = jvm => lines.filter(l => (l[5] || 'default') === jvm).map(l => l.slice(0, 5).map(Number));
  for (const [jvm, title] of [['default', 'a test JVM as Surefire starts it'], ['c1', 'with -XX:TieredStopAtLevel=1'],
                              ['process', 'outOfProcess(): the emulator as its own process (standalone jar, its CDS archive)']]) {
    const ext = of(jvm);
    if (!ext.length) continue;
    const where = jvm === 'process' ? 'emulator process started and listening' : 'emulator in-process and listening';
    md += `\n| JUnit extension (emulator-junit), ${title} | median (min–max) |\n|---|---|\n`;
    md += `| first start in a fresh JVM, ms (${where}, clients built) | ${fmt(ext.map(e => e[1]))} |\n`;
    md += `| then the first control request, ms (the HTTP client's own start) | ${fmt(ext.map(e => e[2]))} |\n`;
    md += `| reset to the seed, ms (median of 50 per round) | ${fmt(ext.map(e => e[3]), 2)} |\n`;
    md += `| reset to the seed, ms (slowest of 50 per round) | ${fmt(ext.map(e => e[4]), 2)} |\n`;
    if (wm.length) md += `| WireMock standalone start to first answer, ms (peer, same run) | ${fmt(wm)} |\n`;
  }
}
// What each server does for one request of its case, so a reader can see no figure measures a shortcut.
const WORK = {
  dryrun: 'ModifyDtsJobEndpoint with DryRun=true (the spec\'s documented sample), RPC signature: every parameter admitted against the spec (types, enums, lengths, patterns), the HMAC-SHA1 signature verified with the AccessKey\'s secret, the timestamp window, the nonce remembered (each request has a fresh one), the key\'s throttle, the precheck rules (job found, owner, endpoint rules), the request journalled, a JSON answer; no state change',
  nojournal: 'dryrun with the request journal off (DTS_JOURNAL_SIZE=0): the journal\'s cost is dryrun / nojournal',
  'dryrun-durable': 'dryrun with a data directory: each request\'s nonce forced to disk (write + fdatasync, concurrent requests sharing one) before its answer',
  v3: 'dryrun signed with signature V3 (ACS3-HMAC-SHA256): the canonical request with its signed headers, the SHA-256 of the body, HMAC-SHA256 verified',
  read: 'DescribeDtsJobDetail of a seeded job: signature, admission, owner, the job\'s view in the answer',
  modify: 'ModifyDtsJobEndpoint applied: every request replaces the job\'s source (alternating two instances): precheck, new version, checkpoint rolled back, history, journal',
  'modify-durable': 'modify with a data directory: the change\'s record and the nonce forced to disk before the answer',
  xml: 'dryrun answered in XML (Format=XML)',
  baseline: 'the same case on the emulator built from BASELINE_REF',
  wiremock: 'WireMock: the documented success body for a matching request (no signature, no rule, no state)',
  prism: 'Prism: the request validated against the spec, an example answer (no signature, no state)',
  nginx: 'nginx: the documented body as a fixed answer',
};
const present = [...new Set(rows.map(r => r.server === 'emulator' ? r.kase : r.server))];
md += '\n| case | what one request costs the server |\n|---|---|\n';
for (const kase of present) md += `| ${kase} | ${WORK[kase] || '(not described)'} |\n`;
fs.writeFileSync(`${out}/summary.csv`, csv.join('\n') + '\n');
fs.writeFileSync(`${out}/ratios.csv`, ratioCsv.join('\n') + '\n');
fs.writeFileSync(`${out}/summary.md`, md);
fs.writeFileSync(`${out}/chart.dat`, dat.join('\n') + '\n');
process.stdout.write(md);
