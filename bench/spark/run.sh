#!/usr/bin/env bash
# Batch rate-and-bill: the product (switchboard bench rate-and-bill) against the same computation on Spark
# in local mode, on one NDJSON file generated once by the product. Usage: bench/spark/run.sh N [WORKDIR]
# Env: PRODUCT_HEAP (default 8g), SPARK_HEAP (default 8g), PARTITIONS (Spark, default 8), KEEP=1 keeps the file.
# The first run needs the network once (Spark from Maven Central); later runs work offline.
set -euo pipefail
n="${1:?usage: run.sh N [WORKDIR]}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${2:-$(mktemp -d /tmp/switchboard-rab.XXXXXX)}"
mkdir -p "$work"
product_heap="${PRODUCT_HEAP:-8g}"
spark_heap="${SPARK_HEAP:-8g}"
partitions="${PARTITIONS:-8}"

echo "== build (product jar, its classes as a thin jar, the Spark module)"
(cd "$root" && mvn -q -B -o package -DskipTests)
jar cf "$root/target/switchboard-classes.jar" -C "$root/target/classes" .
(cd "$here" && { mvn -q -B -o package dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
  || mvn -q -B package dependency:build-classpath -Dmdep.outputFile=target/cp.txt; })

echo "== generate $n CDRs once (not timed)"
java -Xmx2g -jar "$root/target/switchboard.jar" bench rate-and-bill --count "$n" --work "$work" --keep --generate-only
file="$work/cdrs.ndjson"

echo "== product: switchboard bench rate-and-bill (heap $product_heap)"
java "-Xmx$product_heap" -jar "$root/target/switchboard.jar" bench rate-and-bill --input "$file" --bills-out "$work/product-bills.csv" | tee "$work/product.out"

echo "== Spark local mode (heap $spark_heap, $partitions partitions)"
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
 --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
 --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
 --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
 --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
 --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
 --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
# shellcheck disable=SC2086
java "-Xmx$spark_heap" $opens -Dspark.local.dir="$work/spark-tmp" -Dlog4j2.level=warn \
  -cp "$here/target/switchboard-bench-spark-0.1.0-SNAPSHOT.jar:$(cat "$here/target/cp.txt")" \
  dev.switchboard.bench.spark.SparkRateAndBill "$file" "$partitions" "$work/spark-bills.csv" 2>"$work/spark.err" | tee "$work/spark.out" \
  || { tail -40 "$work/spark.err"; exit 1; }

p=$(awk '/^PRODUCT_SECONDS/ {print $2}' "$work/product.out")
s=$(awk '/^SPARK_SECONDS/ {print $2}' "$work/spark.out")
echo "== result for $n CDRs"
if cmp -s "$work/product-bills.csv" "$work/spark-bills.csv"; then same=yes; else same=NO; fi
echo "product ${p} s, Spark ${s} s, Spark / product = $(awk -v a="$s" -v b="$p" 'BEGIN {printf "%.2f", a / b}')×"
echo "identical bills (all $(wc -l < "$work/product-bills.csv") lines, every column): $same"
grep -h '^RECONCILED\|^NOT RECONCILED' "$work/product.out" "$work/spark.out" | paste -sd' ' | sed 's/^/reconciliation (product, Spark): /'
if [ "${KEEP:-0}" != 1 ] && [ -z "${2:-}" ]; then rm -rf "$work"; fi
