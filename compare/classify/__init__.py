"""Label each clause with what it does: its kind of stance, how hard it is put, who and what.

classify() runs after segment() and before align(): it reads one clause and returns a copy
carrying a Label (kind, intensity rung, the stance phrase as written, hedges, negation, actors,
targets, topics, and whether it quotes a statement in a news report). shift() later compares
the labels of aligned clauses. Every word list lives in the TOML files of ``compare/lexicons``
(users add their own with ``--lexicon FILE``); this module only knows how to apply them.

How a clause is read:

1. Stance words are found with two compiled patterns, one for verbs (with the "light" verbs
   such as reaffirm, reiterate, express) and one for stance nouns (commitment, concern,
   objection, call, support). A noun counts only when a light verb governs it from at most four
   words before ("reiterated their strong OBJECTIONS", "express deep CONCERN") or when the
   clause opens with it ("Our COMMITMENT ..."); it then gives the clause its kind.
2. The governing stance is the first stance word attached to a speaker ("We", "the Leaders",
   "Japan", "the Committee" followed only by words like also, continue to, strongly), else the
   first one at the start of the clause or anywhere outside a relative clause (UN paragraphs
   open with their verb: "Recalling", "Strongly condemns"). Words inside relative clauses
   ("..., which demands ...") never govern.
   Choice for mixed clauses: when a later verb coordinated with it ("..., and condemn ...",
   "while also condemning ...") or with its own speaker expresses CONCERN, that concern governs:
   in "We welcome ... and strongly condemn ..." the objection is what a reader must not miss.
   So "We remain seriously concerned about X and call on China to Y" is a concern, either way.
   Coordinated verbs of the governing kind lend it their rung when higher (the clause says
   both, and its strength is its strongest word).
3. Intensity: the entry's rung, plus modifiers (strongly, deep: +1; grave, deepest,
   "in the strongest terms": +2; at most +2), minus hedges (where appropriate, as needed: -1;
   may, could: -2; will consider / explore: -1; at most -2), floor 1. Negation ("will not",
   "no longer", "do not") sets ``negated`` and leaves the rung as it is.
4. News text: a quotation of at least two words that starts in lower case ("... “strongly
   condemned ...”"), or any quotation with an attribution ("a joint statement said"), makes
   the clause ``quoted``; its stance is read from the quoted words when they carry one, else
   from the reporter's narration ("they expressed concern about ...", "accused").

Names: actors are the speakers named in the subject of the governing verb (We, the Leaders,
the Committee, Japan, "President Biden"); targets are the countries, governments, groups and
organisations named anywhere else, under the canonical names of ``compare/data/aliases.toml``;
seas and straits (South China Sea, East China Sea, Taiwan Strait) are places and so topics,
never targets, while the state acting there is the target. A UN sub-paragraph with no verb
takes the stance of the paragraph it completes when the caller passes it as ``Context.lead``;
classify_all() passes it, and passes a clause that carries on the verb phrase of a call or a
commitment before it in the same sentence ("We urge North Korea to respect human rights, | and
resolve the abductions issue immediately") that call or commitment.

Modules: ``lexicon`` (loading and checking the TOML word lists), ``compiled`` (their patterns,
compiled once per lexicon), ``scanner`` (finding many literal phrases and patterns in one pass
over a clause's words), ``labels`` (reading one clause), ``grammar`` (whether a verb stands in
a relative, subordinate or adverbial clause, is said of a country the speakers report on or
demand of, or is a noun after a determiner or a possessive), ``markers`` (every stance marker
around its act, and the modal of a clause with none), ``document`` (reading a whole document, each
clause in its context), ``parties`` (who makes a joint statement, so that what others do is
reported, not pledged).

Ladders (rungs per kind; the TOML comments in ``lexicons/stance.toml`` carry the same table):

============ =================================================================================
kind         rungs, weakest first
============ =================================================================================
concern      1 notes with concern < 2 expresses concern, is concerned < 3 serious/deep concern,
             warns < 4 grave/deepest concern, opposes, objects, rejects, does not accept,
             alarmed, calls on X to stop (or to refrain, X named) < 5 strongly opposes, deplores, denounces
             < 6 condemns, demands X cease < 7 strongly condemns, condemns in the strongest terms
call         1 encourages < 2 invites < 3 requests, is needed to < 4 calls upon < 5 urges < 6 demands
             (a decision ranks above every call)
commitment   1 may, hopes to < 2 intends to, will consider < 3 will, agrees to < 4 commits to,
             pledges < 5 reaffirms its unwavering commitment
position     1 notes, recalls, believes, expects < 2 recognizes, acknowledges, affirms
             < 3 reaffirms, reiterates, stresses, emphasizes
welcome      1 notes with appreciation, encouraged by < 2 welcomes, supports < 3 commends,
             applauds, warmly welcomes, strongly supports
decision     1 decides
============ =================================================================================
"""

from compare.classify.document import classify_all
from compare.classify.labels import classify, plain_quotes
from compare.classify.lexicon import Context, Lexicon, Name, Qualifier, StanceEntry, load_lexicon

__all__ = [
    "Context",
    "Lexicon",
    "Name",
    "Qualifier",
    "StanceEntry",
    "classify",
    "classify_all",
    "load_lexicon",
    "plain_quotes",
]
