"""Function words left out of discovered-theme labels (folded: no accents, Arabic letters normalised).

Only grammar words and fillers, in the programme's languages; content words, even frequent ones, stay,
because they are what a label is made of. Extend as new languages show up in the labels.
"""

from fieldvoice.insights.normalise import fold_term

_FR = """
les des une aux avec pour par sur sous dans chez mais donc car que qui quoi dont est sont etait ete etre avoir
ont avait pas plus moins tres trop tout tous toute toutes cette ces mon mes ton tes son ses notre nos votre vos
leur leurs nous vous ils elles elle lui moi toi eux meme aussi deja encore jamais rien bien fait faire font
comme quand alors puis ici cela ceci ca avant apres depuis pendant entre sans vers tant peu beaucoup autre
autres quel quelle quels quelles chaque ont sera seront suis etes avez avons aie vraiment toujours parce
"""
_EN = """
the and for are but not you your yours our ours they them their theirs this that these those with from into
onto was were been being have has had having does did doing done will would shall should can could may might
must just very too also even still ever never there here then than when what which who whom why how all any
some each every much many more most other only own same such again about above after before below between
over under out off again further once because while till until its it's she her hers him his himself myself
yourself ourselves themselves it"""
_PT = """
que com para por uma uns umas dos das nos nas num numa mas mais muito muita muitos muitas sem sobre entre
depois antes ainda sempre nunca tambem isso isto esse essa este esta estes estas aqui ali ele ela eles elas
nos voces meu minha meus minhas seu sua seus suas nosso nossa tem temos foi sao esta estao ser estar ter
"""
_AR = """
في من على الى عن مع هذا هذه ذلك تلك هو هي هم انا انت احنا نحن اللي الذي التي كان كانت يكون لما لكن بس
او ام ثم كل بعض عند عندي عندنا لان حتى كمان برضو زي مثل قد لقد هنا هناك والله يعني شي شيء ما لا مش
"""
_WO = "ci bi yi ak dafa dama dañu nga ngi sama seen sunu ñu mooy rekk lool waaye"
_PCM = "dey di dem una wey don na dis dat"

STOPWORDS: frozenset[str] = frozenset(fold_term(w) for w in (_FR + _EN + _PT + _AR + _WO + _PCM).split())
