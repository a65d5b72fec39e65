/* The quote stage's lexicon: speech cues, titles, organisations, pronouns,
 * anonymous sources and the function words around them, in English,
 * Ukrainian and Russian. Words are looked up folded (ws_lex_fold) in a hash
 * table built once; Ukrainian and Russian past-tense cues are matched as a
 * verb stem plus a gender/number ending, so that заявив, заявила, заявили
 * and заявил all count without listing every form. */
#include "qparts.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Each entry: the classes, then the words (space-separated). */
static const struct {
    unsigned bits;
    const char *words;
} groups[] = {
    /* Speech verbs that may take a clause without "that" ("said only
     * Ukraine should decide") are also QL_BARE. */
    {QL_CUE | QL_BARE,
     "said says say stated added adds noted stressed stresses "
     "emphasized emphasised emphasizes emphasises underscored underlined "
     "explained explains warned warns urged urges argued argues insisted "
     "insists claimed claims declared announced announces reiterated "
     "concluded summarized summarised contended asserted "
     "acknowledged admitted conceded wrote writes tweeted predicted "
     "cautioned complained confirmed confirms remarked commented replied "
     "responded recalled recalls observed suggested vowed promised "
     "assured reassured answered countered quipped "
     "joked declares alleges boasted bragged notes concludes"},
    /* Verbs of speech that also have other senses ("reported a loss",
     * "charged with fraud"): only with "that" or a quote. */
    {QL_CUE, "reported reports charged maintained posted pledged repeated "
             "continued"},
    /* Nouns as often as verbs ("swing states", "the race continues"):
     * only with a quote. */
    {QL_WEAK, "states continues"},
    /* Verbs that carry a quote's tone ("“…,” he scoffed"): with a quote
     * only. */
    {QL_WEAK, "beamed marveled marvelled mused scoffed snapped retorted "
              "fumed gushed griped groused recounted opined reasoned "
              "sniped chided"},
    {QL_CUE | QL_TELL, "told tells tell"},
    {QL_TELL, "telling"},
    {QL_CUE | QL_BARE, "denied denies"},
    {QL_TO, "vowed vows promised promises pledged pledges threatened "
            "threatens"},
    {QL_CUE, "threatened threatens"},
    {QL_CUE, "pointed points demanded demands"},
    /* "as X put it: …", "shot back": with a quote only */
    {QL_WEAK, "put puts shot fired hit"},
    {QL_OUT, "out"},
    {QL_CUEP,
     "saying adding noting stressing emphasizing emphasising underscoring "
     "underlining explaining warning urging arguing insisting claiming "
     "declaring announcing reiterating recalling telling writing "
     "pointing asserting acknowledging admitting conceding vowing "
     "promising suggesting"},
    {QL_WEAK,
     "call called calls calling named names described describes describing "
     "dubbed labelled labeled branded termed hailed asked asks asking "
     "shouted yelled chanted chanting jokes barked boomed interjected "
     "exclaimed screamed sang sings singing whispered read reads reading "
     "tweeting yelling shouting "
     "запитав запитала спитав спросил спросила назвавши називаючи "
     "называя"},
    /* Ukrainian and Russian forms that are not past tense (those come
     * from the stems below). */
    {QL_CUE | QL_BARE,
     "каже заявляє зазначає наголошує додає підкреслює пояснює повідомляє "
     "розповідає стверджує пише відзначає нагадує запевняє переконує "
     "говорит заявляет отмечает подчеркивает подчёркивает добавляет "
     "поясняет сообщает рассказывает утверждает пишет напоминает уверяет "
     "сказано"},
    {QL_CUEP,
     "заявивши сказавши додавши наголосивши зазначивши підкресливши "
     "пояснивши додаючи наголошуючи зазначаючи підкреслюючи заявляючи "
     "отметив подчеркнув добавив пояснив сказав заявив добавляя "
     "подчеркивая отмечая заявляя"},
    {QL_TITLE,
     "president minister secretary general secretary-general spokesman "
     "spokeswoman spokesperson chairman chairwoman chair director chief "
     "head leader governor senator representative congressman "
     "congresswoman mayor ambassador adviser advisor envoy commissioner "
     "chancellor premier king queen pope prosecutor judge candidate "
     "nominee manager commander deputy vice-president speaker ceo founder "
     "economist analyst professor expert lawyer attorney researcher "
     "editor correspondent aide strategist pollster officer lieutenant "
     "colonel sergeant captain admiral marshal ombudsman mp lawmaker "
     "legislator negotiator diplomat chairperson president-elect "
     "prime-minister councillor councilor councilman councilwoman engineer "
     "doctor physician "
     "президент прем'єр прем'єр-міністр міністр міністерка генсек "
     "генсекретар генеральний секретар речник речниця голова очільник "
     "очільниця посол посолка радник радниця депутат депутатка нардеп мер "
     "губернатор командувач головнокомандувач керівник керівниця "
     "директор директорка спікер канцлер прокурор суддя представник "
     "представниця віцепрем'єр віце-прем'єр заступник заступниця лідер "
     "глава посадовець начальник міністра президента "
     "премьер премьер-министр министр генсекретарь генеральный "
     "секретарь пресс-секретарь представитель глава руководитель "
     "посол советник депутат мэр губернатор командующий спикер канцлер "
     "прокурор судья заместитель лидер председатель начальник "
    "врач главврач аналитик эксперт режиссер режиссёр продюсер автор "
    "юрист адвокат экономист инженер "
    "лікар головлікар аналітик експерт режисер продюсер автор авторка "
    "юрист адвокат економіст інженер"},
    {QL_ORG,
     "kremlin house ministry government office administration department "
     "service agency committee council parliament congress senate court "
     "police army military commission campaign pentagon party union "
     "bureau embassy company firm bank fund organization organisation "
     "institute university cabinet headquarters staff command alliance "
     "state rada duma coalition federation authority authorities regulator "
     "prosecutors spokesperson's lines airlines terminal operator utility "
     "corporation holding railways inc ltd llc plc "
     "enterprise "
     "підприємство товариство концерн предприятие общество "
     "кремль міністерство мзс міноборони уряд офіс адміністрація служба "
     "сбу генштаб штаб комітет партія агентство посольство поліція армія "
     "командування компанія банк фонд рада верховна альянс "
     "министерство мид минобороны правительство офис администрация "
     "агентство комитет партия посольство полиция армия командование "
     "компания фонд дума альянс "
     "мэрия мэрии мэрию мерія мерії компании компанії министерстве "
     "міністерстві управлении управлінні правительстве уряді "
     "администрации адміністрації ведомстве відомстві пресс-службе "
     "пресслужбі пресс-служба пресслужба штабе штабі"},
    {QL_PRON,
     "he she him her він вона його її нього неї він он она его ее её "
     "него нее ней"},
    {QL_PLUR, "they them we i вони їх них они их ми мы я"},
    {QL_IT, "it"},
    {QL_ANON,
     "source sources official officials insider insiders person people "
     "witness witnesses interlocutor respondents critics experts analysts "
     "voters residents supporters opponents aides advisers observers "
     "investigators lawmakers members leaders participants organizers others "
     "organisers activists protesters students parents workers "
     "джерело джерела співрозмовник "
     "співрозмовники источник источники собеседник собеседники "
     "посадовці чиновник чиновники"},
    {QL_DET | QL_DEF, "the this these those"},
    {QL_DET,
     "a an another one his her their its our my some two three several "
     "many"},
    {QL_FORMER,
     "former ex then-president late previous колишній колишня колишнього "
     "ексбывший бывший бывшая бывшего экс екс"},
    {QL_AUX,
     "has have had also later then further again once reportedly "
     "did does do didn't doesn't hasn't haven't hadn't won't "
     "previously repeatedly recently publicly earlier already just even "
     "often never not only similarly likewise separately subsequently "
     "himself herself themselves initially openly since long flatly "
     "privately frequently consistently explicitly specifically bluntly "
     "firmly quietly angrily "
     "вже уже також теж раніше неодноразово ще знову публічно повторно "
     "тоже также ранее ещё еще вновь неоднократно публично"},
    {QL_MODAL,
     "would could might may should must will shall бы б буде будет"},
    {QL_THAT, "that що что how як как whether чи ли"},
    {QL_STOP,
     "the a an in on at as but and or if when while after before this "
     "that these those it he she they we i you his her their its our my "
     "according however meanwhile also then there here what why how who "
     "where for from to with without by of not no yes so thus still yet "
     "although though since because until during details source quote "
     "background read related more photo video update updated see "
     "monday tuesday wednesday thursday friday saturday sunday january "
     "february march april may june july august september october "
     "november december earlier later today yesterday tomorrow last next "
     "both either neither each every all some many most such other "
     "у в на і й та а але як це про за по для від після до він вона вони "
     "там тут так ні он она они но и это как после если якщо коли когда "
     "також также раніше ранее водночас зокрема крім кроме тому поэтому "
     "цитата подробиці деталі джерело источник"},
    {QL_PLACE,
     "ukraine russia us usa america china germany france britain uk "
     "poland israel iran turkey japan india canada italy spain europe eu "
     "nato un kyiv kiev moscow washington beijing london paris berlin "
     "brussels belarus georgia moldova hungary romania lithuania latvia "
     "estonia finland sweden norway denmark netherlands belgium austria "
     "czechia slovakia korea "
     "україна україни росія росії сша китай німеччина франція британія "
     "польща євросоюз єс нато оон київ москва вашингтон "
     "украина украины россия россии германия франция британия польша "
     "евросоюз ес оон киев"},
    {QL_HONOR,
     "mr mrs ms dr sen rep gov gen lt col sgt capt prof пан пані господин "
     "госпожа"},
    {QL_PREP,
     "in on at during before after with to for of about from by into "
     "over via through at amid following ahead under against upon "
     "у в на під під час з із від до для про по при перед після "
     "во со к от при перед после"},
    {QL_BE, "was were is are been be being був була було були был была "
            "было были"},
    {QL_CONJ, "and or but і й та а але и но или"},
    {QL_LABEL, "quote цитата"},
    {QL_AS, "as як как"},
    {QL_BY, "by"},
    {QL_ACC, "according за по"},
    {QL_WORDS, "словами словам"},
    {QL_THIS, "this це этом это"},
    {QL_ABBR,
     "mr mrs ms dr st sen rep gov gen lt col sgt capt prof jr sr inc corp "
     "co ltd vs etc jan feb mar apr jun jul aug sep sept oct nov dec no "
     "approx est ft mt rev"},
};

/* Past-tense stems of Ukrainian and Russian speech verbs; a cue is a stem
 * plus -в/-л (masculine), -ла, -ли, -ло. */
static const char *const slavic_stems[] = {
    "заяви",    "сказа",     "зазначи",   "наголоси",   "дода",
    "підкресли", "поясни",   "повідоми",  "розпові",    "відзначи",
    "нагада",   "запевни",   "констатува", "зауважи",   "визна",
    "попереди", "заклика",   "відпові",   "написа",     "уточни",
    "резюмува", "підсумува", "повтори",   "стверджува", "розказа",
    "говори",   "оголоси",   "отмети",    "подчеркну",  "добави",
    "сообщи",   "рассказа",  "замети",    "напомни",    "завери",
    "констатирова", "призна", "предупреди", "призва",   "ответи",
    "резюмирова", "подытожи", "утвержда",  "объясни",   "объяви",
    "наголошува", "підкреслю", "заявля",   "высказа",   "висловив",
    "продолжи", "продовжи",  "пообеща",   "пообіця",    "зізна",
    "подтверди", "підтверди", "уточня",   "пояснюва",   "объявля",
};

#define TABLE_SIZE 4096u

typedef struct entry {
    const char *w;
    size_t n;
    unsigned bits;
} entry;

static entry table[TABLE_SIZE];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static uint32_t hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static void add(const char *w, size_t n, unsigned bits)
{
    uint32_t h = hash(w, n) & (TABLE_SIZE - 1);
    while (table[h].w) {
        if (table[h].n == n && memcmp(table[h].w, w, n) == 0) {
            table[h].bits |= bits;
            return;
        }
        h = (h + 1) & (TABLE_SIZE - 1);
    }
    table[h].w = w;
    table[h].n = n;
    table[h].bits = bits;
}

static void build(void)
{
    for (size_t g = 0; g < WS_COUNT(groups); g++) {
        const char *p = groups[g].words;
        while (*p) {
            while (*p == ' ')
                p++;
            const char *w = p;
            while (*p && *p != ' ')
                p++;
            if (p > w)
                add(w, (size_t)(p - w), groups[g].bits);
        }
    }
}

static unsigned find(const char *s, size_t n)
{
    uint32_t h = hash(s, n) & (TABLE_SIZE - 1);
    while (table[h].w) {
        if (table[h].n == n && memcmp(table[h].w, s, n) == 0)
            return table[h].bits;
        h = (h + 1) & (TABLE_SIZE - 1);
    }
    return 0;
}

/* A Cyrillic past-tense ending: в л (2 bytes) or ла ли ло (4 bytes). */
static size_t slavic_ending(const char *s, size_t n)
{
    if (n >= 4 && memcmp(s + n - 4, "л", 2) == 0 &&
        (memcmp(s + n - 2, "а", 2) == 0 || memcmp(s + n - 2, "и", 2) == 0 ||
         memcmp(s + n - 2, "о", 2) == 0))
        return 4;
    if (n >= 2 && (memcmp(s + n - 2, "в", 2) == 0 ||
                   memcmp(s + n - 2, "л", 2) == 0))
        return 2;
    return 0;
}

/* Past-tense stems of verbs that report speech only with a quoted
 * fragment: назвав «…», назвала «…». */
static const char *const slavic_weak_stems[] = {"назва", "охаракеризува",
                                                "охарактеризова"};

static unsigned slavic_stem(const char *s, size_t n)
{
    size_t e = slavic_ending(s, n);
    if (!e)
        return 0;
    for (size_t i = 0; i < WS_COUNT(slavic_stems); i++) {
        size_t k = strlen(slavic_stems[i]);
        if (k == n - e && memcmp(slavic_stems[i], s, k) == 0)
            return QL_CUE | QL_BARE;
    }
    for (size_t i = 0; i < WS_COUNT(slavic_weak_stems); i++) {
        size_t k = strlen(slavic_weak_stems[i]);
        if (k == n - e && memcmp(slavic_weak_stems[i], s, k) == 0)
            return QL_WEAK;
    }
    return 0;
}

unsigned ws_qlex_lookup(const char *s, size_t n)
{
    pthread_once(&table_once, build);
    if (n == 0 || n > 40)
        return 0;
    unsigned bits = find(s, n);
    /* English plurals of role words: "senators", "ministers". */
    if (!bits && n > 3 && s[n - 1] == 's' && (unsigned char)s[0] < 0x80)
        bits = find(s, n - 1) & (QL_TITLE | QL_ANON);
    /* Cyrillic words start with a byte 0xD0..0xD3. A reflexive ending
     * (признался, зізнався, призналась) is read off first. */
    if ((unsigned char)s[0] >= 0xD0 && (unsigned char)s[0] <= 0xD3) {
        unsigned v = slavic_stem(s, n);
        if (!v && n > 6 && (memcmp(s + n - 4, "ся", 4) == 0 ||
                            memcmp(s + n - 4, "сь", 4) == 0))
            v = slavic_stem(s, n - 4);
        if (v)
            return bits | v;
    }
    return bits;
}
