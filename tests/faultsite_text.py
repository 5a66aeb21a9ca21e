"""Original article texts for the fault site: a few paragraphs each, one per good page."""

from __future__ import annotations

# slug -> (title, paragraphs). Every text is over 600 characters, so extraction keeps it.
ARTICLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "tides": ("Harbour board delays the tidal gate repairs", (
        "The harbour board voted on Tuesday to postpone repairs to the eastern tidal gate until the spring, "
        "after engineers reported that the replacement hinges ordered last year had arrived in the wrong size.",
        "Fishermen who use the inner basin said the delay would cost them another winter of waiting for the "
        "high tide before they can land a catch. One skipper said he now plans his week around a tide table "
        "pinned above the kitchen sink, and that his crew has grown used to unloading boxes at two in the morning.",
        "The board chair promised a public meeting in January to explain the new schedule and the extra cost, "
        "which the council estimates at a little under a tenth of the original budget.",
    )),
    "orchard": ("A village orchard finds new keepers", (
        "For thirty years the old apple orchard behind the chapel was mown twice a summer and otherwise left "
        "alone. This autumn a group of neighbours took out a lease on it and spent four weekends pruning "
        "trees that had not seen a saw since the late nineties.",
        "They counted eleven varieties, two of which nobody could name until a retired teacher matched them "
        "against drawings in a county survey from the nineteen-fifties. The group pressed its first juice in "
        "October and sold it at the school fair, raising enough to buy ladders and a second-hand scratter.",
        "Next year they want to graft cuttings from the rarest trees onto new rootstock before the originals die.",
    )),
    "library": ("Night opening at the central library proves popular", (
        "The central library has kept its reading rooms open until ten on Thursday evenings since September, "
        "and staff say the trial has brought in a crowd they rarely saw before: shift workers, students "
        "revising after work, and parents who come in once the children are asleep at home with a partner.",
        "Visitor counts on Thursday nights now exceed those of a typical Monday afternoon. The extra hours are "
        "staffed by volunteers alongside one librarian, which keeps the cost of the trial modest.",
        "The library committee will decide in March whether to make late opening permanent and whether to add "
        "a second evening, most likely Tuesday, if enough volunteers come forward over the winter months.",
    )),
    "bridge": ("Footbridge reopens after a year of works", (
        "The footbridge over the railway cutting reopened on Saturday morning, a year after inspectors found "
        "corrosion in two of its main girders and closed it to the public at a day's notice.",
        "Residents on the north side had faced a twenty-minute detour to reach the station, the shops and the "
        "primary school. A small crowd gathered at eight o'clock to cross it first, and a brass band from the "
        "secondary school played on the southern steps while the contractor removed the last of the fencing.",
        "The new deck is wider, has a gentler ramp for bicycles and prams, and is lit at night by lamps set "
        "into the handrail rather than on tall posts, which neighbours had asked for during the consultation.",
    )),
    "ferry": ("The last ferry of the season sails full", (
        "Every seat was taken on the last ferry of the season to the island on Sunday, as day visitors made "
        "the most of a calm sea and a forecast that promised the first autumn gales by the end of the week.",
        "The crossing takes forty minutes, and the operator runs only a freight boat from November to March. "
        "Islanders who work on the mainland will share lifts on that boat, as they have done every winter "
        "since the passenger service was cut back a decade ago, and the café on the quay closes until Easter.",
        "The operator said bookings were up by a fifth on last year and that it would consider a weekend "
        "service in October if the numbers hold, though any change depends on finding a second crew.",
    )),
    "busy": ("Volunteers reopen the village cinema", (
        "The village cinema, shut for three years after its projector failed, reopened on Friday with a "
        "sold-out screening run entirely by volunteers who had raised the money for a second-hand machine.",
        "Two retired electricians rewired the booth over the summer, and a local school painted the foyer. "
        "Tickets cost half what the multiplex in town charges, and the first month of films was chosen by a "
        "vote in the post office, where a silent comedy beat every recent release by a wide margin.",
        "The committee hopes to show a film every weekend through the winter and to offer the hall to the "
        "youth club on weekday evenings, provided enough people sign up to take turns at the projector.",
    )),
    "flaky": ("Bakery wins a regional bread award", (
        "A family bakery on the high street has won the regional award for sourdough, beating forty other "
        "entries with a loaf made from a starter the owner says her grandmother kept alive through the war.",
        "The judges praised its crust and an open, even crumb, and noted that the bakery mills part of its "
        "own flour from a local farm. Queues outside the shop on Saturday stretched past the post office and "
        "the owner sold out before ten, apologising to regulars who had come at the usual time.",
        "She plans to use the prize money to repair the old brick oven rather than to open a second shop, "
        "because, she said, the oven is what gives the bread its taste and the town its smell in the morning.",
    )),
    "chained": ("Night buses return to the valley route", (
        "Night buses will run again on the valley route from the first of next month, two years after the "
        "service was withdrawn for lack of drivers. The operator has trained nine new drivers since the summer.",
        "Hospital staff and bar workers campaigned for the return of the route, which links the three villages "
        "of the upper valley with the town centre. Without it, they said, a late shift meant either a taxi "
        "costing a third of the night's pay or a long walk along an unlit road with no pavement.",
        "The first bus will leave the town centre at half past eleven and the last at half past two, with a "
        "stop added outside the hospital's main entrance, and the fares will match those of the day service.",
    )),
    "nul": ("Allotment waiting list reaches record length", (
        "More than three hundred people are now waiting for an allotment plot in the borough, the longest "
        "list since records began, and some applicants have been told they may wait seven years for a plot.",
        "The council is considering splitting full plots into halves, which committee members say would "
        "suit most newcomers better anyway: a full plot is a lot of digging for someone who works all week, "
        "and many plots fall into neglect in the second year when enthusiasm gives way to the weeding.",
        "Two disused tennis courts beside the park may also be turned into raised beds, if the planning "
        "committee approves the change of use at its meeting next month and the drainage survey is good.",
    )),
}

# Texts in other scripts for the charset pages: (title, paragraphs, a word the test looks for).
CYRILLIC = ("Городская библиотека продлевает часы работы", (
    "С понедельника городская библиотека будет открыта до девяти часов вечера. Читатели давно просили "
    "об этом, потому что многие приходят только после работы, а читальный зал закрывался в шесть.",
    "Директор библиотеки рассказала, что вечерние смены возьмут на себя сотрудники и волонтёры из "
    "университета. Если опыт окажется удачным, к весне библиотека откроет ещё и субботний абонемент.",
    "Кроме того, в читальном зале появятся новые столы с розетками и лампами, а на первом этаже "
    "откроется уголок для детей, где по средам будут проходить громкие чтения сказок.",
), "библиотека")
TURKISH = ("Belediye sahil yolunu bisiklete açıyor", (
    "Belediye, sahil yolunun hafta sonları yalnızca yayalara ve bisikletlilere açılacağını duyurdu. "
    "Uygulama önümüzdeki ay başlayacak ve ilk üç ay boyunca deneme olarak sürecek, ardından gözden geçirilecek.",
    "Esnaf, kararın kafelere ve küçük dükkânlara daha fazla müşteri getireceğini düşünüyor. Bazı sürücüler "
    "ise trafiğin ara sokaklara kayacağından endişeli; belediye bu sokaklar için yeni işaretler asacağını söyledi.",
    "Proje kapsamında yol boyunca gölgelikler, çeşme ve bisiklet park yerleri de yapılacak. Çalışmaların "
    "yağmur mevsiminden önce bitirilmesi planlanıyor ve şehir meclisi bütçeyi geçen hafta onayladı.",
), "bisikletlilere")
WESTERN = ("Café owners rally for the Sunday market", (
    "The owners of the Café Müller and the crêperie beside it have started a petition to keep the Sunday "
    "market on the square, after the council proposed moving it to the car park behind the station.",
    "“People come for the square, not for the stalls alone,” said one owner, who has traded there for "
    "twelve years. The market brings roughly two thousand visitors on a fine Sunday, and the cafés say "
    "it accounts for a third of their takings during the summer, when the tourists arrive by coach.",
    "The council says the move would free the square for a new fountain and outdoor seating. A decision "
    "is due after a consultation that closes at the end of the month; the petition has a thousand names.",
), "Müller")
# A UTF-8 page with one invalid byte: (title, paragraphs, the word that carries the byte).
FRENCH = ("Le café du port rouvre après les travaux", (
    "Après six mois de travaux, le café du port a rouvert ses portes samedi matin. Les habitués sont revenus "
    "dès l'aube, et le patron a servi le premier café à l'équipage du chalutier qui rentrait de la marée.",
    "La salle a été agrandie vers le quai, et une terrasse couverte accueille désormais les clients même "
    "quand il pleut. Les travaux ont coûté plus cher que prévu, mais la mairie a pris en charge la façade.",
    "Le patron espère retrouver avant l'été la clientèle des touristes, qui venaient surtout pour la vue "
    "sur les bateaux et pour la tarte aux pommes de sa mère, dont la recette n'a pas changé depuis trente ans.",
), "mairie")
