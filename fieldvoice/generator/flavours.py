"""Local colour: the languages customers mix into French, English, Portuguese and Arabic, per country.

Wolof in Senegal, Ivorian nouchi, Cameroonian camfranglais and pidgin, Lingala in Kinshasa, Malagasy, Bambara,
Mooré, Sango, Setswana, Liberian English, Krio, Guinea-Bissau Kriol, and Tunisian, Moroccan, Egyptian and
Levantine Arabic. Spelling is the informal, keyboard-friendly one people actually type.
"""

from fieldvoice.generator.lexicon import Flavour, flavour

_SOURCES: dict[tuple[str, str], tuple[float, str, str]] = {  # (rate, record_as, bank)
    ("SN", "fr"): (
        0.35,
        "wo",
        """
[openers]
Salamalekum. | Dégg nga, dafa am problème. | Waaw, dinaa la wax dëgg. | Ndeysaan, nu ngi sonn.
Man de, am naa benn plainte. | Nanga def ? Merci de venir.
[closers]
Jërëjëf. | Na ngeen ko défar, jërëjëf. | Yàlla na Yàlla defar. | Ba beneen yoon. | Nu ngi leen xaar.
Dafa doy !
[pain:network_coverage]
Réseau bi dafa néew ci quartier bi. | Amul réseau ci kër gi, dama wara génn.
Ci dëkk bi, réseau bi dafay dem ak di dikk.
[pain:call_drops]
Appel yi dañuy dagg saa su nekk. | Su ma woowee sama mbokk, dafay dagg.
[pain:slow_data]
Connexion bi dafa yéex lool, WhatsApp demul. | Internet bi dafa yéex, dara du ubbeeku.
[pain:bundle_expiry]
Pass bi dafay jeex gaaw lool. | Sama mégas yi dañuy réer.
[pain:price]
Dafa cher torop, {amount} ngir benn pass. | Prix yi dañu yokku.
[pain:mm_transaction_failed]
Transfert bi dafa échouer, xaalis bi dem na te agsiwul.
[pain:mm_agent_cash]
Agent bi amul xaalis, dafa ma wax ma dellusi ëllëg.
[pain:fraud_scam]
Benn faux agent woo na ma, laaj ma sama code, xaalis bi dem na.
Ay escrocs dañuy yónnee SMS yu fénn, moytuleen. | Ñu ngi sàcc xaalis ci {mm} ak ay faux messages.
[pain:care_wait]
Service client bi, dañu may xaarloo {min} minutes.
[positives]
Réseau bi baax na, jërëjëf. | {mm} dafa gaaw, yónnee naa sama yaay xaalis ci benn simili.
Lépp baax na, dama contan. | Ci kër gi, réseau bi dafa baax.
""",
    ),
    ("CI", "fr"): (
        0.25,
        "",
        """
[openers]
Ahi, on est fatigués deh ! | Mon frère, c’est gâté oh. | Walaï, vous allez m’écouter.
Eh Dieu ! Ça là c’est trop. | Bon, on va dire quoi encore ?
[closers]
On est ensemble. | Faut arranger ça vite vite. | C’est pas bon du tout deh. | Môgô est fatigué.
Dieu va nous aider. | Ça va aller.
[pain:network_coverage]
Réseau est gâté dans notre quartier, faut monter sur table pour capter.
Au village réseau n’est pas là du tout.
[pain:slow_data]
Connexion est lente kpa, même WhatsApp ne passe pas. | Internet est lourd comme caillou.
[pain:call_drops]
Appel coupe coupe tout le temps, on s’entend pas.
[pain:mm_agent_cash]
Les cabines disent toujours y a pas l’argent, faut repasser demain.
[pain:fraud_scam]
Les brouteurs appellent pour demander code secret, ma tantie a perdu {big}.
Y a des faux agents qui gèrent les gens avec des SMS là, c’est grave.
Un gars m’a appelé, il dit il est du service client, il a pris mon code, mon compte est vide.
[pain:price]
Tout est cher, même pass de {amount} là ne dure pas.
[positives]
Réseau est doux, ça va bien. | {mm} est trop bon, j’envoie l’argent au village c’est rapide.
Connexion est propre, je suis content.
""",
    ),
    ("CM", "fr"): (
        0.2,
        "",
        """
[openers]
Mon frère, le problème ici c’est lourd. | Les gars, je vais vous dire la vraie chose.
Ekié ! C’est comment même ?
[closers]
On va encore faire comment ? | Il faut gérer ça vite. | Je suis tired avec vous. | On se voit.
[pain:network_coverage]
Le network est lourd dans mon quartier, ça ne capte pas.
[pain:slow_data]
La connexion est slow, même pour ouvrir Facebook c’est le wahala.
[pain:fraud_scam]
Les feymen appellent pour demander ton code PIN, ils ont pris {big} à mon voisin.
Il y a les arnaqueurs qui envoient les faux SMS {mm}, il faut que vous fassiez quelque chose.
[pain:mm_agent_cash]
Le callbox n’a pas la liquidité, il te dit de repasser.
[positives]
Le network est fort ici, je suis ok. | {mm} c’est le top, j’envoie les do au village sans problème.
""",
    ),
    ("CM", "en"): (
        0.35,
        "",
        """
[openers]
My brother, na wahala this. | I go tell you true talk. | Ah, you don come!
[closers]
Make una fix am quick. | We dey suffer. | Na so e be. | Thank you plenty.
[pain:network_coverage]
Network no dey for my quarter at all.
[pain:call_drops]
The call di cut every time.
[pain:slow_data]
Data di slow too much, WhatsApp no di go.
[pain:fraud_scam]
Some scammer call me say e be agent, e collect my PIN, my money don go.
Fake message for {mm} don plenty, people di lose money.
[pain:price]
Bundle don cost too much.
[positives]
Network dey fine for here. | {mm} di work fine, I di send money for my mami.
""",
    ),
    ("CD", "fr"): (
        0.25,
        "",
        """
[openers]
Mbote. | Yoka ngai, ndeko. | Tokoki lisusu te ! | Boyoka ngai malamu.
[closers]
Botala likambo oyo noki. | Merci mingi. | Nzambe asalisa biso. | Tolembi.
[pain:network_coverage]
Réseau ezali te na quartier na biso. | Na mboka réseau ezali kokata tout le temps.
[pain:slow_data]
Connexion ezali lente mingi.
[pain:mm_transaction_failed]
Natindaki mbongo na {mm}, ekomaki te.
[pain:fraud_scam]
Moto moko abengaki ngai, alobaki azali agent, asengaki code na ngai, mbongo ekei.
Ba escrocs bazali kotinda ba faux SMS {mm}.
[pain:price]
Ba forfaits ezali cher mingi.
[positives]
Réseau ezali malamu awa. | {mm} ezali malamu, natindaka mbongo na mama.
""",
    ),
    ("MG", "fr"): (
        0.3,
        "mg",
        """
[openers]
Manao ahoana. | Tsy mety mihitsy. | Misaotra tonga. | Henoy aho.
[closers]
Misaotra betsaka. | Amboary haingana azafady. | Mankasitraka. | Veloma.
[pain:network_coverage]
Tsy misy réseau eto an-tanàna. | Ratsy ny réseau ao an-trano.
[pain:slow_data]
Miadana be ny connexion.
[pain:call_drops]
Tapaka foana ny antso.
[pain:fraud_scam]
Nisy olona niantso nilaza fa agent {mm}, naka ny code-ko, very ny volako.
Be dia be ny SMS sandoka momba ny {mm}.
[pain:price]
Lafo loatra ny forfait.
[positives]
Tsara ny réseau eto. | Mandeha tsara ny {mm}, misaotra. | Faly aho.
""",
    ),
    ("ML", "fr"): (
        0.15,
        "",
        """
[openers]
I ni ce. | A ni ce, an be tooro kosobe. | Aw ni baara.
[closers]
Ala ka an deme. | I ni ce kosobe. | Aw ni ce.
[pain:network_coverage]
Reseau te yan, an ka so kono.
[pain:fraud_scam]
Mogo do ye ne wele, a ko ale ye agent ye, a ye n ka code ta, n ka wari tagara.
[positives]
Reseau ka nyi yan. | {mm} ka nyi kosobe.
""",
    ),
    ("BF", "fr"): (
        0.15,
        "",
        """
[openers]
Ne y windga. | Yaa sõma, mais écoutez.
[closers]
Barka. | Barka wusgo. | Wend na song-d.
""",
    ),
    ("GN", "fr"): (
        0.12,
        "",
        """
[openers]
On dit quoi ? | Tana mu fe.
[closers]
Inwali. | Allah ma fanyi.
""",
    ),
    ("CF", "fr"): (
        0.15,
        "",
        """
[openers]
Bara ala. | Mbi yeke na kpale.
[closers]
Singila mingi. | Nzapa a bata e.
[pain:network_coverage]
Réseau ayeke pëpe na kodro ti mbi.
[pain:fraud_scam]
Mbeni zo asara appel na mbi, lo hunda code ti mbi, nginza ti mbi awe.
""",
    ),
    ("BW", "en"): (
        0.3,
        "",
        """
[openers]
Dumela rra. | Dumela mma. | Ke a go bolelela, go a tshwenya.
[closers]
Ke a leboga. | Go siame. | Ke tla go bona.
[pain:network_coverage]
Ga go na network mo motseng wa rona.
[pain:slow_data]
Data e nna bonya thata.
[pain:fraud_scam]
Mongwe o ne a re ke agent, a kopa PIN ya me, madi a me a tsamaya.
[positives]
Network e siame thata fa. | {mm} e bereka sentle, ke romela madi kwa gae.
""",
    ),
    ("LR", "en"): (
        0.4,
        "",
        """
[openers]
My people, the thing hard. | Let me tell you, my man. | Ehn, this network business! | I na lie to you.
[closers]
Y'all should fix it oh. | We tired. | That's all I got to say oh. | Thank y'all.
[pain:network_coverage]
The network can be vexing me in my area, it can come and go.
[pain:call_drops]
The call can cut every time, you can't finish your talk.
[pain:bundle_expiry]
My data bundle finish too fast, {gb} gone in {days} days.
[pain:slow_data]
The internet slow too much, it can't even open Facebook.
[pain:fraud_scam]
Some rogue man call me say he from {mm}, he took my PIN and my money gone.
The fake text message business plenty now, people losing money.
[pain:mm_agent_cash]
The agent can say no cash, you must come tomorrow.
[positives]
The network fine here oh. | {mm} good, I can send money to my ma easy.
""",
    ),
    ("SL", "en"): (
        0.35,
        "",
        """
[openers]
Kushe. | Ar de tel una tru tok. | Di tin don tu mus.
[closers]
Tenki. | Una fiks am kwik kwik. | Na so i de.
[pain:network_coverage]
Network nor de na me area at all.
[pain:call_drops]
Di call de cut all di time.
[pain:slow_data]
Di data slow bad bad.
[pain:fraud_scam]
Some man call me se in na agent, i tek me PIN, me moni don go.
Di fake message dem plenty, pipul de lose moni.
[pain:price]
Di bundle price too high.
[positives]
Di network fine na ya. | {mm} de wok fine, ar de send moni to me mama.
""",
    ),
    ("GW", "pt"): (
        0.3,
        "",
        """
[openers]
Bon tardi. | N na fala bu verdadi. | Nô sta kansadu.
[closers]
Obrigadu. | Bo kumpu es kusa. | Deus na djuda nô.
[pain:network_coverage]
Rede ka ta toma na nha tabanka. | Rede i fraku dimas na bairu.
[pain:slow_data]
Internet sta lentu dimas.
[pain:fraud_scam]
Un omi tilifoni-n fala i agenti di {mm}, i pidi-n kodigu, nha diñeru bai.
[positives]
Rede sta bon li. | {mm} sta bon, N ta manda diñeru pa nha mamé.
""",
    ),
    ("TN", "ar"): (
        0.65,
        "",
        """
[openers]
والله الريزو ضعيف برشا. | يعيشك، اسمعني. | بالحق تعبنا. | شنوة نقلك؟ | الحاصل المشكل كبير.
[closers]
يعيشكم صلحوها. | ربي يهدي. | هذا هو، ما عنديش ما نزيد. | برشا تعب.
[pain:network_coverage]
ما فماش ريزو في الدار، لازم نخرج للكياس. | الريزو يمشي ويجي طول النهار.
[pain:slow_data]
الكونكسيون بطيئة برشا، حتى الفايسبوك ما يتحلش.
[pain:call_drops]
الكلمة تتقص كل شوية.
[pain:price]
الأسعار غالية برشا، {amount} على فورفي صغير.
[pain:bundle_expiry]
الفورفي يوفى بالزربة.
[pain:fraud_scam]
واحد عيطلي قالي أنا من {mm} وطلب الكود، مشاولي {big}. | برشا أرناك توا بالميساجات.
[positives]
الريزو باهي برشا هوني. | {mm} يعيشكم، نبعث الفلوس لأمي بالزربة. | الكل باهي، يعطيكم الصحة.
""",
    ),
    ("MA", "ar"): (
        0.65,
        "",
        """
[openers]
واش بغيتي الصراحة؟ | الله يخليك سمعني. | راه المشكل كبير بزاف. | صافي عيينا.
[closers]
الله يخليكم صلحوها. | بزاف هادشي. | صافي هادشي لي عندي. | الله يهديكم.
[pain:network_coverage]
الريزو ما كاينش فالدار، خاصني نخرج للزنقة. | الريزو ديما مقطوع فالحومة ديالنا.
[pain:slow_data]
الكونيكسيون بطيئة بزاف، حتى الواتساب ما خدامش.
[pain:call_drops]
المكالمة كتقطع ديما.
[pain:price]
غالي بزاف، {amount} على باسة صغيرة.
[pain:fraud_scam]
واحد عيط ليا قال ليا راه من {mm} وطلب مني الكود، داو ليا {big}. | كاين بزاف ديال النصب دابا بالميساجات.
[positives]
الريزو مزيان بزاف هنا. | {mm} واعر، كنصيفط الفلوس للواليدة بسرعة. | كلشي مزيان، الله يعطيكم الصحة.
""",
    ),
    ("EG", "ar"): (
        0.7,
        "",
        """
[openers]
بص يا باشا. | والله العظيم تعبنا. | هقولك الحقيقة. | الموضوع بقى صعب أوي.
[closers]
ياريت تحلوها بسرعة. | ربنا يسهل. | ده كل اللي عندي. | حرام كده بجد.
[pain:network_coverage]
مفيش شبكة خالص في البيت، لازم أنزل الشارع. | الشبكة وحشة أوي في المنطقة عندنا.
[pain:slow_data]
النت بطيء أوي، الواتساب مش بيبعت الصور.
[pain:call_drops]
المكالمة بتقطع كل شوية.
[pain:price]
الأسعار غالية أوي، {amount} على باقة صغيرة.
[pain:bundle_expiry]
الباقة بتخلص بسرعة أوي.
[pain:fraud_scam]
واحد كلمني وقال إنه من {mm} وطلب الرقم السري، خدوا مني {big}. | في نصب كتير أوي اليومين دول برسايل مضروبة.
[positives]
الشبكة حلوة أوي هنا. | {mm} جامد، ببعت الفلوس لأمي بسرعة. | كله تمام، ربنا يخليكم.
""",
    ),
    ("JO", "ar"): (
        0.6,
        "",
        """
[openers]
اسمع يا زلمة. | والله تعبنا. | بدي أحكيلك الصراحة. | هلأ الوضع صار صعب كتير.
[closers]
يا ريت تحلوها بسرعة. | الله يعين. | هاد كل اللي عندي. | يعطيكم العافية.
[pain:network_coverage]
ما في شبكة بالبيت، لازم أطلع برا. | الشبكة كتير ضعيفة بالحارة.
[pain:slow_data]
النت كتير بطيء، الواتساب ما بيبعت صور.
[pain:call_drops]
المكالمة بتقطع كل شوي.
[pain:price]
الأسعار غالية كتير، {amount} على باقة صغيرة.
[pain:fraud_scam]
واحد اتصل فيي وقال إنه من {mm} وطلب الرقم السري، أخدوا {big}. | في نصب كتير هالأيام برسائل مزورة.
[positives]
الشبكة كتير منيحة هون. | {mm} ممتاز، ببعت مصاري لأمي بسرعة. | كلشي تمام، يعطيكم العافية.
""",
    ),
}

FLAVOURS: dict[tuple[str, str], Flavour] = {
    key: flavour(rate, text, record_as) for key, (rate, record_as, text) in _SOURCES.items()
}
