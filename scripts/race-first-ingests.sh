#!/bin/bash
# Issue 18: 40 rounds of 4 concurrent first-time ingests (bin/sitrep.js) into one new SQLite file
# each round; prints the failures (target 0). Run from the repository root: bash scripts/race-first-ingests.sh
fail=0
D=$(mktemp -d)
for r in $(seq 1 40); do
  db=$D/r$r.db
  for k in 1 2 3 4; do
    printf 'Title %s %s\n\nBody of item %s in round %s, with enough words to be an article about something.\n' $r $k $k $r > $D/in-$r-$k.txt
    (node bin/sitrep.js --db $db ingest $D/in-$r-$k.txt > $D/out-$r-$k.log 2>&1; echo $? > $D/rc-$r-$k) &
  done
  wait
  for k in 1 2 3 4; do [ "$(cat $D/rc-$r-$k)" = "0" ] || { fail=$((fail+1)); tail -2 $D/out-$r-$k.log; }; done
done
echo "rounds 40, processes 160, failures $fail"
