#!/usr/bin/python3
"""Flesch-type reading ease of German, Spanish or French texts, from syllable counts.

Reads {"lang": "de" | "es" | "fr", "lines": ["…", …]} as JSON on standard input and
prints {"lang", "formula", "score", "mean", "words", "sentences", "syllables", "lines":
[{"text", "score", "words", "sentences", "syllables"}]}: `score` is the whole text's,
`mean` the mean of the lines' scores. Any list of strings will do (the engine's lines,
the page's words). Syllables: Debian's hyphenation dictionaries (hyphen-de, hyphen-es,
hyphen-fr, through python3-pyphen) cut each word where a syllable may end, which splits
compounds and vowels that do not join ("Kof-fe-in", "o-í-do"); within each piece, each
group of vowels is one syllable (German "ei", "au"), with two rules of the language:
Spanish a, e, o and accented í, ú are each a syllable of their own ("dí-a"), and a
French word's final silent "e"/"es" is none ("se-cousse"). Hyphenation points alone are
not syllables: the patterns never cut next to a word's first or last letter ("Abend")
and cut inside some clusters ("Ner-ve-n-a-rzt").

  German  (Amstad 1978):           180 - ASL - 58.5 * ASW
  Spanish (Fernández-Huerta 1959): 206.84 - 0.60 * P - 1.02 * F   (P = 100 * ASW, F = 100 / ASL)
  French  (Kandel & Moles 1958):   207 - 1.015 * ASL - 73.6 * ASW
ASL: words per sentence; ASW: syllables per word. Higher is easier; 60 and up is plain.
"""
import json
import re
import sys

import pyphen

FORMULAS = {
    "de": ("Amstad", "de_DE", lambda asl, asw: 180 - asl - 58.5 * asw),
    "es": ("Fernández-Huerta", "es_ES", lambda asl, asw: 206.84 - 0.60 * (100 * asw) - 1.02 * asl),
    "fr": ("Kandel-Moles", "fr_FR", lambda asl, asw: 207 - 1.015 * asl - 73.6 * asw),
}

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")


VOWELS = {"de": "aeiouyäöü", "es": "aeiouyáéíóúü", "fr": "aeiouyàâäéèêëîïôöùûüœæ"}


def syllables(word, lang, dictionary):
    """Syllables of one word (no apostrophe or hyphen in it)."""
    lower = word.lower()
    groups = []
    for piece in dictionary.inserted(lower).split("-"):
        groups += re.findall(f"[{VOWELS[lang]}]+", piece)
    if lang == "es":
        count = sum(max(1, sum(c in "aeoáéóíú" for c in group)) for group in groups)
    else:
        count = len(groups)
    if lang == "fr" and count > 1 and re.search(r"(?:[^aeiouyàâäéèêëîïôöùûüœæ]|[gq]u)es?$", lower):
        count -= 1  # the silent final e
    return max(1, count)


def counts(text, lang, dictionary):
    """(words, sentences, syllables) of one line; a line is at least one sentence."""
    text = re.sub(r"\{\w+\}", "2", text).strip()  # a {placeholder} stands for a number
    words = WORD.findall(text)
    sentences = len(SENTENCE_END.findall(text))
    if not SENTENCE_END.search(text[-1:] if text else ""):
        sentences += 1
    total = sum(syllables(part, lang, dictionary) for word in words for part in re.split(r"['’-]", word) if part)
    return len(words), sentences, total


def main():
    request = json.load(sys.stdin)
    name, locale, formula = FORMULAS[request["lang"]]
    dictionary = pyphen.Pyphen(lang=locale)
    score = lambda w, s, y: formula(w / s, y / w) if w and s else None
    rows, total = [], [0, 0, 0]
    for text in request["lines"]:
        w, s, y = counts(text, request["lang"], dictionary)
        if w == 0:
            continue
        total = [total[0] + w, total[1] + s, total[2] + y]
        rows.append({"text": text, "score": round(score(w, s, y), 2), "words": w, "sentences": s, "syllables": y})
    print(json.dumps({
        "lang": request["lang"],
        "formula": name,
        "score": round(score(*total), 2),
        "mean": round(sum(r["score"] for r in rows) / len(rows), 2),
        "words": total[0],
        "sentences": total[1],
        "syllables": total[2],
        "lines": rows,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
