"""The semantic pass: pair by meaning what string similarity left unmatched.

A kept concern in new words ("We are seriously concerned about the situation in the East and
South China Seas" -> "We remain deeply worried by developments in the South China Sea") shares
too few words to pair on them. Here each clause is embedded with WordLlama's static token
embeddings (the ``wordllama`` package ships its 256-dimension model inside its wheel: a
tokenizer file and a 16 MB weight file), and clauses whose meanings lie close are paired when
the meaning link model (see ``compare.align.link``) says they more likely correspond than not.

Nothing is downloaded: the files are read from the installed package, without importing it
(its ``load()`` would try to fetch a tokenizer it already ships under another name, and its
import configures logging). Text is cut into the model's tokens by the longest piece of its
vocabulary at each point, which needs only the vocabulary (about 10 ms to read with orjson)
rather than building the full BPE tokenizer (about 70 ms); on the development alignments the
two tokenisations separate true links from false ones equally well (AUC 0.925 and 0.921,
``benchmarks/align_fit.py``). The weights are memory-mapped and only the rows of tokens met
are read. The files are opened only when a pass needs them, so a pair that aligns on words
alone pays nothing for this.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compare import regexcache

if TYPE_CHECKING:
    import numpy as np

__all__ = ["MODEL_FILES", "available", "embed", "forget"]

MODEL_FILES = ("tokenizers/l2_supercat_tokenizer_config.json", "weights/l2_supercat_256.safetensors")
"""The tokenizer and weights, relative to the installed ``wordllama`` package."""
_TENSOR = "embedding.weight"


NOISE = 1e-4
"""How small a text's vector may become, against its length before the batch's mean is taken
off, and still have a direction: below it, what is left is rounding, and the row is zero."""


def available() -> bool:
    """Whether the model files are installed (the semantic pass is skipped, not failed, if not)."""
    root = _package_root()
    return root is not None and all((root / name).is_file() for name in MODEL_FILES)


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length embeddings of ``texts``, one row each, as a batch.

    Each text is the average of its tokens' vectors weighted by how rare the token is across
    the batch (so "the", "our" and "Indo-Pacific" in a Quad statement weigh little), and the
    batch's mean vector is taken off every row before normalising: what all the clauses of a
    genre share says nothing about which two correspond. A text with no tokens is a zero row.
    """
    import numpy as np

    _, table = _model()
    # Clauses kept word for word recur in a batch (half of it, between close versions): each
    # distinct text is tokenised and averaged once, and its row copied. A text's row depends
    # only on its tokens and the batch's token counts, so the copies are the very same numbers.
    distinct: dict[str, int] = {}
    place = np.asarray([distinct.setdefault(text, len(distinct)) for text in texts], dtype=np.int64)
    token_ids = [_token_ids(text) for text in distinct]
    copies = np.bincount(place, minlength=len(distinct)).tolist()
    frequency: dict[int, int] = {}
    for ids, count in zip(token_ids, copies, strict=True):
        for token in set(ids.tolist()):
            frequency[token] = frequency.get(token, 0) + count
    total = len(texts)
    # The plain array under the memory map: indexing a memmap wraps every result in one.
    rows_of = table.view(np.ndarray) if isinstance(table, np.memmap) else table
    made = np.zeros((len(distinct), table.shape[1]), dtype=np.float32)
    made_present = np.zeros(len(distinct), dtype=bool)
    for row, ids in enumerate(token_ids):
        if not len(ids):
            continue
        weights = np.log((total + 1) / (np.asarray([frequency[t] for t in ids.tolist()], dtype=np.float32) + 0.5))
        made[row] = (rows_of[ids].astype(np.float32) * weights[:, None]).sum(axis=0) / max(float(weights.sum()), 1e-6)
        made_present[row] = True
    vectors, present = made[place], made_present[place]
    before = np.linalg.norm(vectors, axis=1, keepdims=True)
    if present.sum() > 1:
        vectors[present] -= vectors[present].mean(axis=0)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    # A text that is the batch's mean ("We We We" among texts of the one word "We") is left with
    # rounding noise, whose direction would depend on the order of the batch: it says nothing.
    return vectors / np.where(norms > NOISE * before, norms, np.inf)


def _token_ids(text: str) -> np.ndarray:
    """The vocabulary ids of a text's tokens: each word, with the model's word-start mark,
    cut into the longest pieces the vocabulary holds (characters it lacks are skipped)."""
    import numpy as np

    ids: list[int] = []
    for word in text.split():
        ids.extend(_word_ids(_WORD_START + word))
    return np.asarray(ids, dtype=np.int64)


_WORD_START = "\u2581"
"""SentencePiece's mark for a token that starts a word."""


def forget() -> None:
    """Forget every word's tokens (see ``pipeline.forget_texts``)."""
    _word_ids.cache_clear()


@lru_cache(maxsize=65536)
def _word_ids(word: str) -> tuple[int, ...]:
    vocabulary, longest = _vocabulary()
    ids = []
    position = 0
    while position < len(word):
        for length in range(min(longest, len(word) - position), 0, -1):
            token = vocabulary.get(word[position : position + length])
            if token is not None:
                ids.append(token)
                position += length
                break
        else:
            position += 1
    return tuple(ids)


@cache
def _vocabulary() -> tuple[dict[str, int], int]:
    """The tokenizer's vocabulary (token -> id) and its longest token's length."""
    root = _package_root()
    if root is None:
        raise FileNotFoundError("the wordllama package is not installed")
    raw = (root / MODEL_FILES[0]).read_bytes()
    vocabulary = _vocabulary_part(raw)
    if vocabulary is None:
        vocabulary = _loads(raw)["model"]["vocab"]
    return vocabulary, max(map(len, vocabulary))


_VOCABULARY_START = regexcache.compiled(rb'"vocab"\s*:\s*\{')
_MERGES_START = regexcache.compiled(rb'\}\s*,\s*"merges"\s*:\s*\[')


def _vocabulary_part(raw: bytes) -> dict[str, int] | None:
    """The vocabulary object alone, parsed without the merges that follow it in the file (more
    than half its bytes, and a quarter of the model's loading time); None when the file is laid
    out otherwise.

    >>> _vocabulary_part(b'{"model": {"vocab": {"a": 0, "merges": 1}, "merges": [["a", "b"]]}}')
    {'a': 0, 'merges': 1}
    """
    start = _VOCABULARY_START.search(raw)
    end = _MERGES_START.search(raw, start.end()) if start else None
    if start is None or end is None:
        return None
    try:
        vocabulary = _loads(raw[start.end() - 1 : end.start() + 1])
    except ValueError:
        return None
    return vocabulary if isinstance(vocabulary, dict) else None


def _loads(raw: bytes) -> Any:
    try:
        import orjson
    except ImportError:
        return json.loads(raw)
    return orjson.loads(raw)


@cache
def _model() -> tuple[dict[str, int], np.ndarray]:
    """The vocabulary and the token embedding table (memory-mapped), read once per process."""
    import numpy as np

    root = _package_root()
    if root is None:
        raise FileNotFoundError("the wordllama package is not installed")
    weights = root / MODEL_FILES[1]
    with weights.open("rb") as stream:
        (header_size,) = struct.unpack("<Q", stream.read(8))
        header = json.loads(stream.read(header_size))
    entry = header[_TENSOR]
    if entry["dtype"] != "F16":
        raise ValueError(f"unexpected weight type {entry['dtype']} in {weights.name}")
    start, end = entry["data_offsets"]
    rows, columns = entry["shape"]
    if (end - start) != rows * columns * 2:
        raise ValueError(f"{weights.name} does not hold the table its header describes")
    table = np.memmap(weights, dtype=np.float16, mode="r", offset=8 + header_size + start, shape=(rows, columns))
    return _vocabulary()[0], table


def _package_root() -> Path | None:
    spec = find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


MIN_WORDS = 4
"""Clauses shorter than this (headings, dates, fragments) are not paired by meaning."""

CANDIDATE_COSINE = 0.2
"""Cosine from which a pair of leftover clauses is weighed by the meaning model at all."""
