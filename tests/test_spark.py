"""Spark reads the dataset: PySpark's own Parquet reader, hive partitions, the typed schema.

The demo dataset is read by Spark and by DuckDB as README.md shows, and both must see the
same rows and the same column types. PySpark needs a Java runtime: without one this test
fails (CI installs Debian's openjdk-17-jre-headless, .ci/run), it does not skip.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any, Iterator

import duckdb
import pytest

from conftest import run_cli

TABLES = ("pages", "rejected", "errors")
# PySpark's import warns that it does not fully support pandas 3; it reads no pandas here.
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")
SIMPLE = {"StringType": "VARCHAR", "LongType": "BIGINT", "IntegerType": "INTEGER", "ShortType": "SMALLINT",
          "DoubleType": "DOUBLE", "FloatType": "FLOAT", "BooleanType": "BOOLEAN", "DateType": "DATE",
          "BinaryType": "BLOB", "TimestampType": "TIMESTAMP WITH TIME ZONE", "TimestampNTZType": "TIMESTAMP"}


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        pytest.fail("PySpark needs a Java runtime and there is none: install openjdk-17-jre-headless "
                    "(apt-get install -y openjdk-17-jre-headless; .ci/run does it)")
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[1]").appName("cleancrawl-test")
               .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC")
               .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def duckdb_type(spark_type: Any) -> str:
    """Spark's type written as DuckDB names the same Parquet type."""
    from pyspark.sql import types as T

    if isinstance(spark_type, T.ArrayType):
        return duckdb_type(spark_type.elementType) + "[]"
    if isinstance(spark_type, T.StructType):
        return "STRUCT(" + ", ".join(f"{f.name} {duckdb_type(f.dataType)}" for f in spark_type.fields) + ")"
    return SIMPLE[type(spark_type).__name__]


def test_spark_reads_the_demo_dataset_as_duckdb_does(tmp_path: Path, spark: Any) -> None:
    out = tmp_path / "demo"
    r = run_cli("demo", "--out", str(out))
    assert r.returncode == 0, r.stderr
    con = duckdb.connect()
    for table in TABLES:
        frame = spark.read.parquet(str(out / table))  # as README.md: partition discovery gives crawl_date
        glob = f"read_parquet('{out}/{table}/*/*.parquet', hive_partitioning = true)"
        expected = {name: kind.replace("\"", "") for name, kind, *_ in con.execute(f"DESCRIBE SELECT * FROM {glob}").fetchall()}
        assert {f.name: duckdb_type(f.dataType) for f in frame.schema.fields} == expected, table
        assert expected["crawl_date"] == "DATE"
        assert frame.count() == con.execute(f"SELECT count(*) FROM {glob}").fetchone()[0], table
        urls = {row.url for row in frame.select("url").collect()}
        assert urls == {u for (u,) in con.execute(f"SELECT url FROM {glob}").fetchall()}, table
    pages = spark.read.parquet(str(out / "pages"))
    assert pages.count() > 30
    assert pages.where("crawl_date IS NOT NULL AND fetched_at IS NOT NULL AND size(removed) >= 0").count() == pages.count()
