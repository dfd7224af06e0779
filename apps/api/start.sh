#!/bin/sh
# How `pnpm start` runs the server (and what `pnpm bench:reader` runs and measures).
#
# --heap-growing-percent=100: the old generation is collected when it has doubled, not quadrupled.
# --max-semi-space-size (MB, the young generation): on a PostgreSQL server 16 lets fewer objects of the
#   pages in flight be promoted, ~20% less CPU per uncached page than 4. With the embedded database 16
#   bought ~3% and cost ~35 MB, so 4 there.
# glibc's MALLOC_MMAP_THRESHOLD_ (bytes): blocks this size or larger get mappings of their own, returned to
#   the system when freed. Embedded, compiling PostgreSQL's WebAssembly at start frees ~40 MB of 32 KB blocks
#   that a larger threshold leaves stranded in the allocator for good; 32 KB costs ~5% more CPU per
#   uncached page there (mappings made and dropped while serving) and nothing on a cached one.
if [ -n "$DATABASE_URL" ]; then
  young_mb=16 mmap_threshold=131072
else
  young_mb=4 mmap_threshold=32768
fi
NODE_ENV=production MALLOC_MMAP_THRESHOLD_=$mmap_threshold MALLOC_TRIM_THRESHOLD_=131072 \
  exec node --enable-source-maps --max-semi-space-size=$young_mb --heap-growing-percent=100 dist/server.js "$@"
