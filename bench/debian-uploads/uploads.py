#!/usr/bin/env python3
"""Real interaction data the engine was never tuned on: who uploaded which Debian source package, when.

  uploads.py pick PACKAGES.xz COUNT        one binary .deb per source package, COUNT sources in a seeded
                                           random order: lines "SOURCE <tab> pool path"
  uploads.py convert PACKAGES.xz PICKED CHANGELOGS OUT [UNTIL]
                                           CHANGELOGS/SOURCE.changelog (each package's debian/changelog)
                                           of the sources PICKED lists, the uploads before UNTIL
                                           (seconds since 1970; default: all) ->
                                           OUT/interactions.csv (USER_ID = a hash of the uploader's e-mail,
                                           ITEM_ID = source package, TIMESTAMP = the entry's date),
                                           OUT/items.csv (SECTION = the source's most common binary section),
                                           OUT/items_job.json (300 items over the popularity ranks:
                                           most have no uploader in the held-out period and are skipped),
                                           OUT/sections_job.json (the 20 sections with most uploads)
"""
import collections, email.utils, hashlib, json, lzma, os, random, re, sys

SKIPPED_SUFFIXES = ("-dev", "-doc", "-dbg", "-data", "-common")  # these often link their docs to another binary
MAX_DEB_BYTES = 3_000_000
ITEM_QUERIES = 300


def binaries_by_source(packages_xz):
    by_source = collections.defaultdict(list)
    with lzma.open(packages_xz, "rt") as f:
        for record in f.read().split("\n\n"):
            fields = dict(l.split(": ", 1) for l in record.split("\n") if ": " in l and not l.startswith(" "))
            if "Package" in fields:
                source = fields.get("Source", fields["Package"]).split()[0]
                by_source[source].append((fields["Package"], int(fields.get("Size", "0")), fields["Filename"],
                                          fields.get("Section", "unknown").split("/")[-1]))
    return by_source


def pick(packages_xz, count):
    by_source = binaries_by_source(packages_xz)
    sources = sorted(by_source)
    random.Random(7).shuffle(sources)
    picked = 0
    for source in sources:
        if picked == count:
            break
        binaries = by_source[source]
        named = [b for b in binaries if b[0] == source]
        plain = [b for b in binaries if not b[0].endswith(SKIPPED_SUFFIXES)] or binaries
        binary = named[0] if named else min(plain, key=lambda b: b[1])
        if binary[1] < MAX_DEB_BYTES:
            print(f"{source}\t{binary[2]}")
            picked += 1


def convert(packages_xz, picked, changelogs, out, until=1790000000):
    header = re.compile(r"^(\S+) \(([^)]+)\) ")
    trailer = re.compile(r"^ -- (.*?) <([^>]+)>\s+(.+)$")
    rows = set()
    with open(picked) as f:
        sources = [line.split("\t")[0] for line in f]
    for path in (os.path.join(changelogs, s + ".changelog") for s in sources):
        if not os.path.exists(path):
            continue  # the download failed: the source is left out
        source = None
        with open(path, errors="replace") as f:
            for line in f:
                match = header.match(line)
                if match:
                    source, version = match.group(1), match.group(2)
                    continue
                match = trailer.match(line)
                if match and source:
                    try:
                        when = int(email.utils.parsedate_to_datetime(match.group(3).strip()).timestamp())
                    except (TypeError, ValueError):
                        continue  # a malformed date in a changelog: not an upload we can place in time
                    if 631152000 <= when < until:  # from 1990, as the engine requires, to UNTIL
                        user = hashlib.sha1(match.group(2).strip().lower().encode()).hexdigest()[:10]
                        rows.add((when, user, source, version))
                    source = None
    rows = sorted(rows)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "interactions.csv"), "w") as f:
        f.write("USER_ID,ITEM_ID,TIMESTAMP\n")
        f.writelines(f"{user},{source},{when}\n" for when, user, source, _ in rows)
    by_source = binaries_by_source(packages_xz)
    section = {}
    for source in sorted({r[2] for r in rows}):
        sections = collections.Counter(b[3] for b in by_source.get(source, []))
        section[source] = sections.most_common(1)[0][0] if sections else "unknown"
    with open(os.path.join(out, "items.csv"), "w") as f:
        f.write("ITEM_ID,SECTION\n")
        f.writelines(f"{source},{s}\n" for source, s in section.items())
    ranked = [source for source, _ in collections.Counter(r[2] for r in rows).most_common()]
    with open(os.path.join(out, "items_job.json"), "w") as f:
        count = min(ITEM_QUERIES, len(ranked))
        f.writelines(json.dumps({"itemId": ranked[i * len(ranked) // count]}) + "\n" for i in range(count))
    top = collections.Counter(section[r[2]] for r in rows).most_common(20)
    with open(os.path.join(out, "sections_job.json"), "w") as f:
        f.writelines(json.dumps({"itemAttributes": f'ITEMS.SECTION = "{s}"'}) + "\n" for s, _ in top)
    print(f"{len(rows):,} uploads by {len({r[1] for r in rows}):,} people of {len(section):,} source packages,"
          f" {min(r[0] for r in rows)} to {max(r[0] for r in rows)}", file=sys.stderr)


if __name__ == "__main__":
    if sys.argv[1:2] == ["pick"] and len(sys.argv) == 4:
        pick(sys.argv[2], int(sys.argv[3]))
    elif sys.argv[1:2] == ["convert"] and len(sys.argv) in (6, 7):
        convert(*sys.argv[2:6], *map(int, sys.argv[6:7]))
    else:
        sys.exit(__doc__)
