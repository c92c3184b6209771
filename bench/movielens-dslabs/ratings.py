#!/usr/bin/env python3
"""Real movie ratings the engine was never tuned on: the `movielens` data set of the R package dslabs
(a MovieLens sample: 100,004 ratings 0.5-5 by 671 users, 1995-2016, with genres), as Debian ships it in
r-cran-dslabs. R is not needed: the package's lazy-load database is read by a small reader of R's
serialisation format (XDR, version 2 or 3) that knows what a data frame is made of.

  ratings.py convert DATA_DIR OUT [UNTIL]
      DATA_DIR/Rdata.rdx + Rdata.rdb (the package's data/ folder), the ratings before UNTIL (seconds
      since 1970; default: all) ->
      OUT/interactions.csv (USER_ID, ITEM_ID, TIMESTAMP, EVENT_VALUE = the rating),
      OUT/items.csv (ITEM_ID, GENRES = the movie's genres joined by "|"),
      OUT/genres_job.json (every genre), OUT/items_job.json (300 movies over the popularity ranks)
"""
import collections, gzip, json, os, struct, sys, zlib

ITEM_QUERIES = 300
NA_INTEGER = -2**31


class RReader:
    """Reads one serialised R object made of atomic vectors, lists, pairlists and symbols (what a
    data frame and the lazy-load index are); anything else is refused by its R type number."""

    def __init__(self, data):
        self.data, self.pos, self.refs = data, 0, []

    def ints(self, n):
        values = struct.unpack_from(f">{n}i", self.data, self.pos)
        self.pos += 4 * n
        return list(values)

    def doubles(self, n):
        values = struct.unpack_from(f">{n}d", self.data, self.pos)
        self.pos += 8 * n
        return list(values)

    def length(self):
        n = self.ints(1)[0]
        if n == -1:
            high, low = self.ints(2)
            n = (high << 32) + low
        return n

    def read(self):
        if self.data[:2] != b"X\n":
            raise ValueError("not an R object in XDR format")
        self.pos = 2
        version = self.ints(3)[0]
        if version == 3:
            encoding_length = self.ints(1)[0]
            self.pos += encoding_length  # the writer's native encoding
        return self.item()

    def item(self):
        flags = self.ints(1)[0]
        kind, has_attr, has_tag = flags & 0xFF, flags & (1 << 9), flags & (1 << 10)
        if kind == 254:  # NULL
            return None
        if kind == 255:  # a reference to a symbol read before
            return self.refs[(flags >> 8) - 1]
        if kind == 1:  # symbol
            name = self.item()
            self.refs.append(name)
            return name
        if kind == 2:  # pairlist: attributes and tagged arguments
            if has_attr:
                self.item()  # a pairlist's own attributes: not needed here
            tag = self.item() if has_tag else None
            head = self.item()
            return {tag: head, **(self.item() or {})}
        if kind == 9:  # string
            n = self.ints(1)[0]
            if n == -1:
                return None
            text = self.data[self.pos:self.pos + n].decode("utf-8", "replace")
            self.pos += n
            return text
        n = self.length()
        if kind in (10, 13):
            value = self.ints(n)
        elif kind == 14:
            value = self.doubles(n)
        elif kind in (16, 19):
            value = [self.item() for _ in range(n)]
        else:
            raise ValueError(f"R type {kind} is not read here")
        attributes = self.item() if has_attr else {}
        return RVector(value, attributes)


class RVector:
    def __init__(self, value, attributes):
        self.value, self.attributes = value, attributes or {}

    def column(self, name):
        return self.value[self.attributes["names"].value.index(name)]


def lazy_load(data_dir, name):
    with gzip.open(os.path.join(data_dir, "Rdata.rdx")) as f:
        index = RReader(f.read()).read()
    variables = index.column("variables")
    offset, size = (int(x) for x in variables.column(name).value)
    with open(os.path.join(data_dir, "Rdata.rdb"), "rb") as f:
        f.seek(offset)
        blob = f.read(size)
    return RReader(zlib.decompress(blob[4:])).read()


def column(frame, name):
    vector = frame.column(name)
    levels = vector.attributes.get("levels")
    return [levels.value[v - 1] for v in vector.value] if levels else vector.value


def convert(data_dir, out, until=2**62):
    frame = lazy_load(data_dir, "movielens")
    users, movies, ratings = column(frame, "userId"), column(frame, "movieId"), column(frame, "rating")
    times, genres = column(frame, "timestamp"), column(frame, "genres")
    rows = sorted((t, u, m, r) for u, m, r, t in zip(users, movies, ratings, times)
                  if NA_INTEGER not in (u, m, t) and t < until)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "interactions.csv"), "w") as f:
        f.write("USER_ID,ITEM_ID,TIMESTAMP,EVENT_VALUE\n")
        f.writelines(f"{u},{m},{t},{r:g}\n" for t, u, m, r in rows)
    genres_of = dict(zip(movies, genres))
    with open(os.path.join(out, "items.csv"), "w") as f:
        f.write("ITEM_ID,GENRES\n")
        f.writelines(f"{m},{g}\n" for m, g in sorted(genres_of.items()) if g)
    every_genre = collections.Counter(g for t, u, m, r in rows for g in (genres_of[m] or "").split("|") if g)
    with open(os.path.join(out, "genres_job.json"), "w") as f:
        f.writelines(json.dumps({"itemAttributes": f'ITEMS.GENRES = "{g}"'}) + "\n"
                     for g, _ in every_genre.most_common() if g != "(no genres listed)")
    ranked = [m for m, _ in collections.Counter(m for _, _, m, _ in rows).most_common()]
    with open(os.path.join(out, "items_job.json"), "w") as f:
        count = min(ITEM_QUERIES, len(ranked))
        f.writelines(json.dumps({"itemId": str(ranked[i * len(ranked) // count])}) + "\n" for i in range(count))
    print(f"{len(rows):,} ratings by {len({r[1] for r in rows}):,} people of {len(genres_of):,} movies,"
          f" {rows[0][0]} to {rows[-1][0]}", file=sys.stderr)


if __name__ == "__main__":
    if sys.argv[1:2] == ["convert"] and len(sys.argv) in (4, 5):
        convert(*sys.argv[2:4], *map(int, sys.argv[4:5]))
    else:
        sys.exit(__doc__)
