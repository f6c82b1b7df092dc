"""Closed word lists of proper-name recognition: connectors, function words, titles, heads, cues.

Names of organisations, programs, events and places in English and Spanish
are built from a small closed vocabulary (the *head* noun that says what the
thing is, and the connectors that join a name's parts); personal names follow
titles and ranks (style guides of the U.S. Government Printing Office and the
DoD news services abbreviate ranks the Associated Press way: "Lt. Gen.",
"Maj.", "Sgt. 1st Class"). Every word here is folded like
:func:`usmxkg.vocab.fold` (lower case, no accents). These are conventions of
the language and of the family of documents, never the names of any document.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


CONNECTORS = _words("of for on and the de del la las los el y e para &")
"""Words that may join the capitalised parts of one name ("Bureau of … and …", "Secretaría de la …")."""

COMPLEMENT_CONNECTORS = _words("of for on de del para")
"""Connectors that open the complement of a head ("Department of Defense", "Center for …", "Secretaría de …")."""

ARTICLES = _words("the la las los el")

FUNCTION_WORDS = _words(
    "a an the this that these those its his her their our my your during although though however while when "
    "whereas after before since because if as at by for from in into on of to with without under over through "
    "among between following according despite unlike like once then thus therefore also still yet today "
    "yesterday recently currently later finally meanwhile moreover furthermore additionally indeed instead "
    "otherwise nevertheless nonetheless both all each every any some many most several other another such no "
    "neither either only even just where what which who whom whose why how there here it we they he she i you "
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty hundred thousand dozens and or but nor so not "
    "upon within about above below across against along around "
    "behind beyond near toward towards via per than whether until unless throughout amid inside outside "
    "regarding concerning including is are was were be been being has have had do does did will would shall "
    "should may might must can could see ibid cf chapter figure table section page part appendix volume "
    "el la los las un una unos unas en con por que su sus al lo se como pero sin sobre entre hacia desde"
)
"""Words that never begin or end a name: articles, prepositions, pronouns, conjunctions, discourse adverbs."""

ABBREVIATIONS = _words(
    "st ft mt no nos jr sr gen lt col adm capt maj sgt cpl pvt spc dr mr mrs ms prof rep sen gov hon cmdr cdr "
    "brig inc corp co ltd vs gral lic ing pfc"
)
"""Words written with a period that does not end the sentence ("Fort" is "Ft.", "Lt. Gen.")."""

ORDINAL_WORDS = _words(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth primera primer segunda segundo tercera "
    "tercer cuarta quinta sexta septima octava novena decima"
)
ROMAN_NUMERALS = _words("i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx")

DEMONYMS = _words(
    "american mexican canadian us u.s united colombian guatemalan salvadoran honduran nicaraguan panamanian "
    "cuban venezuelan brazilian argentine argentinian chilean peruvian ecuadorian bolivian paraguayan "
    "uruguayan dominican haitian jamaican belizean british royal french german spanish italian israeli russian "
    "soviet chinese japanese korean indian pakistani afghan iraqi iranian saudi turkish australian dutch "
    "mexicana mexicano estadounidense"
)
"""Nationality adjectives: a service so qualified is a country's ("Mexican Navy", "Royal Air Force")."""

DIRECTIONS = _words(
    "north south east west northern southern eastern western central pacific atlantic europe africa korea "
    "japan norte sur caribbean"
)
"""Region words that follow a command or force name ("Navy South", "Marine Forces Western")."""

GOVERNMENT_CUES = _words(
    "u.s us united federal national nacional defense defence defensa military militar army navy naval "
    "air marine homeland border customs immigration marshals intelligence secret coast congressional "
    "presidential government public security seguridad justice treasury foreign interior mexican mexico state "
    "embassy consular narcotics drug enforcement emergency joint"
)
"""Words that make an office, service, council or commission a government body."""

INTERNATIONAL_CUES = _words(
    "international binational bilateral trilateral inter-american interamerican hemispheric "
    "world multinational internacional interamericana u.n un nations oas nato"
)

MILITARY_CUES = _words(
    "military militar militares war guerra naval navy army ejercito air aerea force forces marine marina staff "
    "command defense defence defensa officer officers cadet cadets noncommissioned non-commissioned nco warfare "
    "joint special operations armed coast guard aerospace infantry infanteria artillery cavalry armor armored "
    "airborne engineer engineers sergeants fighter bomb bomber airlift strike combat tactical expeditionary "
    "training mission support maintenance security forces medical logistics reconnaissance"
)
"""Words that make a school a military school, or a group or division a military unit."""

ACADEMIC_SUBJECTS = _words(
    "studies affairs science sciences engineering history economics mathematics management politics government "
    "research analysis relations languages literature philosophy law"
)
"""Last words of an academic department's name ("Department of National Security Affairs")."""

RESEARCH_CUES = _words("studies research policy analysis strategic scholars peace affairs")

COMPLEMENT_ENDS = _words("studies affairs relations sciences research")
"""Words that end a complement ("… for National Strategic Studies"), where a second name may begin."""

NON_STATE_CUES = _words(
    "revolutionary liberation popular people's peoples zapatista insurgent guerrilla revolucionario popular liberacion"
)

TITLE_WORDS = _words(
    "president vice secretary minister ambassador senator congressman congresswoman representative governor "
    "mayor director deputy assistant undersecretary chief commander commandant chairman chairwoman spokesman "
    "spokeswoman spokesperson admiral colonel lieutenant major captain sergeant corporal private specialist "
    "officer petty seaman airman chaplain ensign commodore brigadier professor honorable judge attorney "
    "presidente secretario almirante coronel capitan teniente sargento cabo vicealmirante contralmirante "
    "gen lt col adm capt maj sgt cpl pvt spc cmdr cdr brig dr mr mrs ms prof hon gral sen rep gov instructor"
)
"""Words of titles and ranks: they precede a person's name and are never part of an organisation's."""

HONORIFICS = _words("mr mrs ms miss dr prof professor sir senor senora lic licenciado ing ingeniero doctor")

SPEECH_VERBS = _words(
    "said says added explained noted stated continued emphasized emphasised told asked remarked recalled "
    "observed wrote argued declared announced reflected commented concluded agreed acknowledged insisted"
)

NAME_PARTICLES = _words("de del la las los y van von da di du le dos das bin al")
"""Lower-case particles inside personal names ("Miguel de la Madrid", "Ludwig von …")."""

NAME_SUFFIXES = _words("jr sr ii iii iv v")

GIVEN_NAMES = _words(
    # English
    "aaron adam alan albert alex alexander alice alicia allen amanda amy andrew angela ann anna anne anthony "
    "arthur ashley barbara benjamin betty beverly bill billy bob bobby brandon brenda brian bruce bryan carl "
    "carol carolyn catherine charles charlotte cheryl chris christina christine christopher chuck cindy "
    "clarence craig cynthia dale daniel danny david dean deborah debra denise dennis diana diane donald "
    "donna doris dorothy douglas earl edward elizabeth emily emma eric erik eugene evelyn frances frank fred "
    "gary george gerald gloria grace graham greg gregory harold harry heather helen henry howard hugh jack "
    "jacob james jane janet jason jean jeff jeffrey jennifer jeremy jerry jessica jim jimmy joan joe john "
    "johnny jon jonathan joseph joshua joyce judith judy julia julie justin karen katherine kathleen kathy "
    "keith kelly kenneth kevin kim kimberly kristen larry laura lauren lawrence lee leo leon linda lisa lois "
    "louis lynn margaret maria marie marilyn mark martha martin mary matthew megan melissa michael michelle "
    "mike nancy nathan nicholas nicole norma pamela patricia patrick paul peter philip phillip rachel ralph "
    "randy raymond rebecca richard rick rob robert robin roger ronald rose roy russell ruth ryan samuel sandra "
    "sara sarah scott sean seth sharon shirley stephanie stephen steve steven susan teresa terry thomas tim "
    "timothy todd tom tony tyler vanessa victoria vincent virginia walter wayne william willie"
    # Spanish and Portuguese
    " adolfo adrian agustin alberto alejandra alejandro alfonso alfredo alvaro ana andres angel antonio "
    "armando arturo beatriz benito carlos carmen cesar claudia cristina daniela diego eduardo elena emilio "
    "enrique ernesto esteban eugenio federico felipe fernando francisco gabriel genaro gerardo gilberto "
    "gonzalo guadalupe guillermo gustavo hector hernan horacio hugo ignacio isabel jaime javier jesus joaquin "
    "jorge jose josefina juan julio laura leonardo lorena lorenzo lucia luis manuel marcelo marco marcos "
    "margarita mariano mario marta martin miguel moises octavio omar oscar pablo patricia pedro porfirio "
    "rafael ramon raul ricardo roberto rodolfo rodrigo rogelio rosa ruben salvador santiago sergio silvia "
    "teresa tomas ursula vicente victor"
)
"""Common given names: a name of two or three words that opens with one is a person's."""

SPANISH_GIVEN_NAMES = frozenset(
    GIVEN_NAMES.intersection(
        _words(
            "adolfo adrian agustin alberto alejandra alejandro alfonso alfredo alvaro ana andres angel antonio "
            "armando arturo beatriz benito carlos carmen cesar claudia cristina daniela diego eduardo elena emilio "
            "enrique ernesto esteban eugenio federico felipe fernando francisco gabriel genaro gerardo gilberto "
            "gonzalo guadalupe guillermo gustavo hector hernan horacio hugo ignacio isabel jaime javier jesus joaquin "
            "jorge jose josefina juan julio leonardo lorena lorenzo lucia luis manuel marcelo marco marcos margarita "
            "mariano mario marta miguel moises octavio omar oscar pablo pedro porfirio rafael ramon raul ricardo "
            "roberto rodolfo rodrigo rogelio rosa ruben salvador santiago sergio silvia tomas vicente victor"
        )
    )
)
"""Given names that mark a Spanish name, whose family name is the last two words ("… Olvera Zamudio")."""

FORT_CITIES = _words("worth lauderdale collins wayne myers smith pierce")
"""Second words of cities named "Fort …": not military installations."""
