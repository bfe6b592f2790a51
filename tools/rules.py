# Source of the triage and reply-guard phrase files (one file per language and rule) under
# core/src/main/resources/org/redress/core/{triage,guard}/<lang>/<rule>.txt. Run: python3 tools/rules.py
# Phrases are regular-expression fragments matched on folded text (lower case, no diacritics): {gap} is up to
# three other words, \w* an inflected ending. Edit here, run, commit both.
import os
ROOT = os.path.join(os.path.dirname(__file__), '..', 'core', 'src', 'main', 'resources', 'org', 'redress', 'core')

TRIAGE = {
 'en': {
  'anger': [r"unacceptable", r"disgrace\w*", r"disgusting", r"outrage\w*", r"ridiculous", r"appalling", r"terrible (?:service|company|experience)",
            r"worst \w* ever", r"disast\w*", r"fed up", r"furious", r"livid", r"sick (?:and tired )?of", r"pathetic", r"shocking", r"awful", r"horrible",
            r"fuming", r"infuriat\w*", r"beyond (?:a )?joke", r"a joke", r"absolutely (?:useless|terrible|awful)"],
  'insult': [r"idiots?", r"morons?", r"incompetent \w*", r"incompetents?", r"useless (?:people|staff|idiots|bunch|lot|clowns|company|morons)", r"clowns",
             r"liars?", r"scammers?", r"crooks?", r"thie(?:f|ves)", r"stupid (?:people|staff|company|idiots)?", r"imbeciles?", r"amateurs",
             r"bunch of (?:idiots|clowns|amateurs|crooks|liars|morons)", r"you people are {gap}(?:useless|clueless|incompetent|hopeless)", r"clueless"],
  'threat_chargeback': [r"charge ?backs?", r"dispute (?:the|this|that) (?:charge|payment|transaction|debit)", r"(?:call|contact|ask|tell) my bank",
                        r"reverse (?:the|this) (?:charge|payment|transaction)", r"my (?:bank|card issuer|credit card company) (?:to )?(?:reverse|refund|block)",
                        r"(?:credit )?card company", r"block the payment"],
  'threat_legal': [r"lawyers?", r"attorneys?", r"solicitors?", r"sue", r"suing", r"sued", r"court", r"legal action", r"lawsuit", r"small claims",
                   r"legal proceedings", r"take (?:you|this|it|the matter) to court", r"legal steps"],
  'threat_regulator': [r"ofcom", r"ombudsman", r"trading standards", r"consumer protection(?: agency| authority| office)?", r"ftc", r"better business bureau",
                       r"bbb", r"fca", r"cfpb", r"the regulator", r"regulators?", r"report (?:you|this|your company) to the authorities", r"citizens advice",
                       r"ofgem", r"ofwat", r"anpc", r"data protection authority"],
  'threat_public': [r"social media", r"twitter", r"facebook", r"instagram", r"tiktok", r"reddit", r"trustpilot", r"google reviews?", r"yelp",
                    r"(?:bad|negative|1-star|one-star|one star|scathing) reviews?", r"the press", r"journalists?", r"newspapers?", r"go public",
                    r"tell everyone", r"post (?:about )?(?:this|it) (?:online|everywhere)", r"review sites?", r"the media", r"local news", r"go viral"],
  'churn_risk': [r"cancel \w* ?(?:contract|subscription|account|service|membership|plan|order)", r"cancel(?:ling)? everything",
                 r"switch(?:ing)? (?:to )?(?:another|a different|other|a new) (?:provider|company|operator|bank|supplier|network)",
                 r"switch(?:ing)? providers?", r"take my (?:business|money) elsewhere", r"go(?:ing)? to (?:a |your )?competitors?", r"close my account",
                 r"leav(?:e|ing) (?:you|your company|your service)", r"terminate (?:my|the) (?:contract|subscription|account)",
                 r"never (?:use|buy from|order from|shop with|deal with) you again", r"i'?m done with (?:you|your company)", r"find (?:another|a new) provider",
                 r"last time i (?:use|order|buy)", r"port my number", r"move to (?:your )?competitors?"],
  'repeat_issue': [r"(?:down|out|broken|late|wrong|missing|cut off|failed|stopped|dropped|dropping|happened|happening|charged|overcharged|offline|dead|crashed|not working) again",
                   r"again and again", r"(?:once|yet) again", r"still (?:not|no|nothing|broken|down|waiting|haven'?t|hasn'?t|isn'?t|doesn'?t|don'?t|can'?t|the same|having|getting|charging|no sign)",
                   r"(?:second|third|fourth|fifth|2nd|3rd|4th) (?:time|week|month|day)", r"every (?:day|evening|night|morning|week)", r"last (?:month|week|time)", r"keeps? happening", r"same problem",
                   r"(?:several|many|multiple|three|four|five|\d+) times", r"already (?:called|complained|reported|written|wrote|contacted|emailed)",
                   r"how many times", r"repeatedly", r"every (?:month|week|time)", r"yet another", r"once more"],
  'money_claim': [r"refund\w*", r"over-?charged", r"charged (?:me )?twice", r"double[- ]charged", r"charged {gap}too much", r"money back", r"reimburs\w*",
                  r"compensat\w*", r"owe me", r"credit (?:back|note)", r"paid twice", r"wrongly charged", r"extra charge", r"billed twice", r"over-?billed",
                  r"charged {gap}instead of", r"give (?:me )?back", r"return (?:my|the) money"],
  'outage': [r"(?:service|internet|network|website|site|app|connection|wifi|wi-fi|broadband|system|tv|phone line|signal|server|mobile data|landline|power|electricity)s? (?:is |are |has been |have been |keeps |went |goes )?(?:down|out|offline|not working|dead|unavailable|broken|crashed|cut off|dropping)",
             r"outages?", r"no (?:internet|signal|service|connection|network|power|electricity|dial tone|tv|mobile data)", r"can'?t (?:connect|get online|log ?in|access)",
             r"(?:stopped|isn'?t|is not|not) working", r"down for (?:hours|days|\d+)", r"blackout", r"cut off", r"(?:keeps|kept) dropping"],
  'contract_cited': [r"contract", r"warranty", r"guarantee\w*", r"terms (?:and|&) conditions", r"terms of service", r"t&cs?", r"(?:my|the|our|your) agreement",
                     r"service level agreement", r"clause", r"consumer rights act", r"statutory rights", r"legally entitled", r"under the terms",
                     r"consumer rights", r"cooling[- ]off period"],
  'executive_escalation': [r"(?:speak|talk) (?:to|with) (?:a |your |the )?(?:manager|supervisor|boss|someone senior|someone in charge|director)", r"manager",
                           r"supervisor", r"ceo", r"chief executive", r"head of", r"director", r"executive (?:team|office|complaints|service)",
                           r"escalate (?:this|it|my complaint|the matter)", r"someone more senior", r"higher up", r"owner of the company", r"your superiors?",
                           r"managing director"],
 },
 'ro': {
  'anger': [r"inacceptabil\w*", r"inadmisibil\w*", r"revolt\w*", r"scandalos", r"rusinos", r"ridicol\w*", r"bataie de joc", r"m-am saturat", r"satul\w*",
            r"furios", r"furioasa", r"nervos", r"nervoasa", r"dezastr\w*", r"groaznic\w*", r"oribil\w*", r"lamentabil", r"jalnic", r"cel mai prost \w*",
            r"incredibil de prost", r"sunt indignat\w*", r"indignat\w*", r"halal"],
  'insult': [r"idiot\w*", r"incompetent\w*", r"tampit\w*", r"hoti(?:lor)?", r"escroc\w*", r"tepari(?:lor)?", r"nesimtit\w*", r"cretin\w*", r"mincinos\w*",
             r"amatori(?:lor)?", r"prosti(?:lor)?", r"niste (?:prosti|incompetenti|hoti|idioti|amatori)", r"bou(?:lor)?", r"ratati(?:lor)?"],
  'threat_chargeback': [r"chargeback", r"contest\w* (?:plata|tranzactia|debitarea|suma|plata) (?:la|prin) banca", r"la banca {gap}(?:contest|anul|returna|blochez)\w*",
                        r"anul\w* plata (?:prin|la) banca", r"(?:sun|merg|ma adresez|apelez) la banca", r"banca (?:mea )?(?:sa|o sa) (?:returneze|anuleze|blocheze)",
                        r"blochez (?:plata|cardul)"],
  'threat_legal': [r"avocat\w*", r"instant\w*", r"tribunal\w*", r"judecat\w*", r"(?:va dau|dau|te dau) in judecata", r"(?:intentez|deschid) (?:un )?proces",
                   r"proces in instanta", r"plangere penala", r"actiune in instanta", r"juridic\w*", r"cale legala", r"pe cale legala"],
  'threat_regulator': [r"anpc", r"protectia consumatorului", r"protectia consumatorilor", r"ancom", r"asf", r"anspdcp", r"anre", r"autoritat\w* de reglementare",
                       r"oficiul pentru protectia", r"autoritatile competente", r"comisariat\w*", r"(?:fac|depun) (?:o )?(?:sesizare|reclamatie) la"],
  'threat_public': [r"retele\w* (?:de )?socializare", r"facebook", r"instagram", r"tiktok", r"twitter", r"presa", r"ziar\w*", r"jurnalist\w*", r"televiziune",
                    r"recenzi\w* negativ\w*", r"review\w* negativ\w*", r"google reviews?", r"fac public\w*", r"spun tuturor", r"sa afle toata lumea",
                    r"public\w* pe (?:net|internet|facebook)", r"postez (?:pe|peste tot)", r"(?:o )?recenzie", r"grupuri\w* de pe facebook"],
  'churn_risk': [r"reziliez", r"rezilier\w*", r"rezilia\w*", r"anul\w* (?:contractul|abonamentul|contul|comanda)", r"schimb furnizorul",
                 r"(?:trec|plec|ma mut|merg) la (?:alt|alta|concurenta|un alt|o alta)", r"alt furnizor", r"alt operator",
                 r"nu mai (?:cumpar|comand|folosesc|apelez) (?:nimic )?(?:de la voi|la voi|serviciile)", r"renunt la (?:serviciile|abonament\w*|voi|contract)",
                 r"inchid contul", r"plec de la voi", r"concurent\w*", r"ultima data cand (?:comand|cumpar)", r"portez numarul"],
  'repeat_issue': [r"din nou", r"iar (?:nu|s-a|a |am |mi-a|e |este|ati|s-au)", r"inca (?:nu|astept|o data)", r"(?:a doua|a treia|a patra|a cincea) oara",
                   r"luna trecuta", r"saptamana trecuta", r"de (?:mai multe|trei|patru|cinci|\d+) ori", r"iarasi", r"in fiecare (?:seara|zi|dimineata|saptamana|noapte)",
                   r"de (?:doua|trei|patru|cinci) saptamani", r"aceeasi problema",
                   r"deja (?:am sunat|am scris|am reclamat|v-am contactat|v-am scris)", r"de cate ori", r"repetat\w*", r"in continuare", r"tot nu"],
  'money_claim': [r"ramburs\w*", r"returna\w* (?:banii|suma|contravaloarea)", r"banii (?:inapoi|mei)", r"taxat\w* de doua ori", r"dublu taxat\w*",
                  r"incasat\w* de doua ori", r"suprataxat\w*", r"plata dubla", r"platit de doua ori", r"despagubir\w*", r"despagub\w*", r"compensa\w*",
                  r"restituir\w*", r"mi-ati luat {gap}(?:bani|lei|euro)", r"facturat\w* gresit", r"retras\w* de doua ori", r"inapoi banii"],
  'outage': [r"(?:internetul|netul|reteaua|semnalul|serviciul|aplicatia|site-ul|site|tv-ul|televiziunea|conexiunea|telefonul|platforma|curentul|serverul) {gap}(?:nu (?:mai )?(?:merge|functioneaza)|e (?:picat\w*|cazut\w*|down)|a (?:picat|cazut)|este (?:picat\w*|indisponibil\w*)|s-a oprit|cade|pica|se intrerupe)",
             r"nu (?:mai )?(?:am|avem) (?:internet|semnal|curent|net|conexiune|tv|retea)", r"pana de (?:curent|retea|internet)", r"intrerupere\w*", r"indisponibil\w*",
             r"a picat (?:reteaua|internetul|serverul|site-ul|sistemul)", r"nu (?:mai )?merge nimic", r"nu ma pot conecta", r"fara (?:internet|semnal|curent)"],
  'contract_cited': [r"contract\w*", r"garanti\w*", r"termeni\w* si conditi\w*", r"conditiile (?:generale|contractuale)", r"clauz\w*", r"conform (?:contractului|legii|art\w*)",
                     r"legea (?:nr|\d+)", r"drepturile (?:mele|consumatorului)", r"certificat\w* de garantie", r"termen\w* de retragere"],
  'executive_escalation': [r"(?:vreau|doresc|cer) sa vorbesc cu (?:un |o )?(?:sef\w*|manager\w*|director\w*|superior\w*|responsabil\w*|cineva cu autoritate)",
                           r"manager\w*", r"sef\w*", r"director\w*", r"superior\w*", r"conducere\w*", r"ceo", r"directorul general", r"escalad\w*",
                           r"cineva mai sus", r"responsabilul"],
 },
 'ru': {
  'anger': [r"возмутительн\w*", r"безобрази\w*", r"неприемлем\w*", r"ужасн\w*", r"кошмар\w*", r"отвратительн\w*", r"позор\w*", r"издевательств\w*",
            r"достали", r"надоело", r"бесит", r"в ярости", r"худш\w* (?:сервис|обслуживание|компани\w*)", r"катастроф\w*", r"возмущен\w*", r"это (?:просто )?смешно",
            r"нет слов", r"вывели из себя"],
  'insult': [r"идиот\w*", r"дебил\w*", r"некомпетентн\w*", r"бездельник\w*", r"мошенник\w*", r"жулик\w*", r"воры", r"воров", r"ворье", r"ворюг\w*", r"придурк\w*",
             r"тупые", r"тупых", r"клоун\w*", r"бездар\w*", r"кретин\w*", r"лжец\w*", r"обманщик\w*", r"аферист\w*", r"дилетант\w*"],
  'threat_chargeback': [r"чарджбэк\w*", r"chargeback", r"оспор\w* (?:платеж|списани\w*|транзакци\w*|операци\w*)", r"(?:обращусь|пойду|напишу|позвоню) в (?:свои |мои |мой )?банк",
                        r"через банк {gap}(?:верн|отмен|оспор)\w*", r"заблокирую (?:платеж|карту)", r"отзову платеж", r"банк (?:вернет|отменит)"],
  'threat_legal': [r"(?:в |через |до )суд(?:а|е|ом|у)?", r"судебн\w*", r"подам (?:в суд|иск)", r"исков\w*", r"иск", r"иском", r"юрист\w*", r"адвокат\w*",
                   r"прокуратур\w*", r"засудить", r"засужу", r"правовы\w* меры"],
  'threat_regulator': [r"роспотребнадзор\w*", r"защит\w* прав потребителей", r"антимонопольн\w*", r"фас", r"центробанк\w*", r"цб", r"роскомнадзор\w*",
                       r"омбудсмен\w*", r"регулятор\w*", r"anpc", r"tarbijakaitse\w*", r"ancom", r"надзорн\w* орган\w*", r"инспекци\w*"],
  'threat_public': [r"соцсет\w*", r"социальн\w* сет\w*", r"фейсбук\w*", r"facebook", r"инстаграм\w*", r"вконтакте", r"телеграм\w*", r"отзыв\w*", r"сми",
                    r"журналист\w*", r"пресс\w*", r"газет\w*", r"(?:расскажу|напишу) (?:всем|везде|об этом)", r"опубликую", r"на весь интернет", r"ютуб\w*",
                    r"youtube", r"тикток", r"(?:будут|все) знать"],
  'churn_risk': [r"расторг\w*", r"расторжени\w*", r"уйду (?:к|от)", r"перейду (?:к|на) (?:другому|друго\w*|конкурент\w*)", r"друго\w* (?:провайдер\w*|оператор\w*|поставщик\w*|банк\w*)",
                 r"сменю (?:провайдера|оператора|банк|поставщика)", r"закрою (?:счет|аккаунт|договор)", r"больше (?:не буду|никогда не) (?:пользоваться|покупать|заказывать|обращаться)",
                 r"откажусь от (?:услуг\w*|подписки|договора)", r"отменю подписку", r"конкурент\w*", r"ухожу от вас"],
  'repeat_issue': [r"опять", r"снова", r"(?:второй|третий|четвертый|пятый) раз", r"в (?:прошлом|том) месяце", r"на прошлой неделе", r"повторно", r"та же (?:самая )?проблема",
                   r"(?:несколько|много|три|четыре|пять|\d+) раз", r"уже (?:звонил\w*|писал\w*|обращал\w*|жаловал\w*)", r"сколько (?:можно|раз)", r"до сих пор", r"по-прежнему",
                   r"все еще", r"который раз", r"в очередной раз"],
  'money_claim': [r"верн\w* (?:деньги|средства|оплату|мои деньги)", r"возврат\w*", r"списал\w* (?:дважды|два раза|лишн\w*)", r"(?:дважды|два раза) (?:списал\w*|сняли|взяли)", r"верн\w* {gap}(?:деньги|средства)", r"верн(?:ите|ете|уть|ет|ут)", r"двойн\w* списани\w*", r"переплат\w*",
                  r"компенсаци\w*", r"возмести\w*", r"возмещени\w*", r"лишн\w* (?:деньги|сумм\w*|плат\w*)", r"оплатил\w* дважды", r"неправильно (?:списал\w*|выставил\w*)",
                  r"сняли (?:дважды|два раза|лишн\w*)"],
  'outage': [r"(?:интернет|сеть|связь|сайт|приложение|сервис|телевидение|тв|услуга|сервер|телефон|свет|электричество)\w* {gap}(?:не работа\w*|упал\w*|лежит|пропал\w*|пропада\w*|отключ\w*|недоступ\w*)",
             r"нет (?:интернета|связи|сети|света|сигнала|электричества)", r"авари\w*", r"сбо\w*", r"перебо\w*", r"не могу (?:подключиться|зайти|войти)",
             r"отключили (?:интернет|свет|связь)", r"ничего не работает"],
  'contract_cited': [r"договор\w*", r"контракт\w*", r"гаранти\w*", r"услови\w* (?:договора|обслуживания|оферты)", r"оферт\w*", r"пункт\w* \d+",
                     r"закон\w* о защите прав потребителей", r"по закону", r"мои права", r"права потребителя"],
  'executive_escalation': [r"руководител\w*", r"руководств\w*", r"начальств\w*", r"начальник\w*", r"менеджер\w*", r"директор\w*", r"старш\w* (?:смены|менеджер\w*|сотрудник\w*)",
                           r"генеральн\w* директор\w*", r"эскалир\w*", r"вышестоящ\w*", r"(?:позовите|соедините|переключите)(?: меня)? (?:с |на )?(?:кем-то|старш\w*)"],
 },
 'et': {
  'anger': [r"vastuvoetamatu", r"skandaalne", r"haletsusvaarne", r"kohutav\w*", r"jube", r"oudne", r"vihane", r"vihastab", r"absurd\w*", r"kole", r"katastroof\w*",
            r"villand", r"kopp ees", r"halvim\w*", r"naljanumber", r"lubamatu", r"ootamatult halb", r"hirmus\w*", r"ennekuulmatu"],
  'insult': [r"idioo\w*", r"lollid", r"ebakompetentn\w*", r"kompetentsitu\w*", r"kaabak\w*", r"petis\w*", r"vargad", r"debiil\w*", r"tolvan\w*", r"saamatu\w*",
             r"juhmid", r"ajuvabad", r"amatoor\w*", r"valetaja\w*", r"loll\w* (?:firma|teenindajad|inimesed)"],
  'threat_chargeback': [r"chargeback", r"vaidlustan (?:makse|tehingu|ulekande|arve)", r"pank\w* {gap}(?:tagasi|vaidlust\w*|tuhist\w*)", r"poordun (?:oma )?pank\w*",
                        r"tuhistan makse", r"panga kaudu tagasi"],
  'threat_legal': [r"advokaa\w*", r"jurist\w*", r"kohtu\w*", r"hagi\w*", r"kaeban (?:teid )?kohtusse", r"oigusabi", r"oiguslik\w* (?:samm\w*|meetm\w*)"],
  'threat_regulator': [r"tarbijakaitse\w*", r"ttja", r"tarbijavaidluste komisjon\w*", r"finantsinspektsioon\w*", r"andmekaitse inspektsioon\w*", r"konkurentsiamet\w*",
                       r"jarelevalve\w*", r"ametiasutus\w*"],
  'threat_public': [r"sotsiaalmeedia\w*", r"facebook\w*", r"instagram\w*", r"twitter\w*", r"tiktok\w*", r"ajakirjandus\w*", r"ajakirjanik\w*", r"meedia\w*",
                    r"ajaleh\w*", r"arvustus\w*", r"negatiivne tagasiside", r"avalikusta\w*", r"raagin koigile", r"kirjutan (?:sellest )?(?:internetti|foorumisse|facebooki)",
                    r"foorum\w*"],
  'churn_risk': [r"lopetan (?:lepingu|teenuse|tellimuse|koostoo)", r"leping\w* (?:ules|lopeta\w*)", r"utlen lepingu ules", r"vahetan (?:teenusepakkuja\w*|operaatori\w*|panka|firmat)",
                 r"teise (?:teenusepakkuja|operaatori|firma|panga)", r"konkurendi\w*", r"lahkun teie (?:juurest|firmast)", r"ei (?:osta|telli|kasuta) (?:teilt |teie teenust )?enam",
                 r"sulgen konto", r"loobun (?:teie )?teenus\w*"],
  'repeat_issue': [r"jalle", r"taas", r"(?:kaebasin|helistasin|kirjutasin|teatasin|poordusin) juba", r"igal (?:ohtul|paeval|hommikul|nadalal)", r"(?:teist|kolmandat|neljandat|viiendat) korda", r"eelmisel (?:kuul|nadalal)", r"(?:mitu|mitmeid|kolm|neli|viis|\d+) korda",
                   r"sama (?:probleem|viga|mure)", r"juba (?:helistasin|kirjutasin|kaebasin|teatasin|poordusin)", r"ikka (?:veel|ei)", r"endiselt", r"korduvalt",
                   r"mitmendat korda"],
  'money_claim': [r"raha tagasi", r"tagasimakse\w*", r"huvitis\w*", r"huvita\w*", r"topelt\w* (?:arve\w*|makse\w*|tasu\w*)", r"kaks korda (?:arvelda\w*|maks\w*|vota\w*|vaheta\w*)",
                  r"liigselt (?:arvelda\w*|vota\w*|maks\w*)", r"(?:vota\w*|voeti|votsite|arveldati|maksin) {gap}kaks korda", r"tagasi {gap}(?:maksa\w*|saada\w*|kanna\w*)", r"ulemaks\w*", r"tagastage (?:raha|summa)", r"kompensatsioon\w*", r"raha tagastami\w*", r"tagastamist"],
  'outage': [r"(?:internet|interneti|vork|side|teenus|rakendus|veebileht|leht|server|tv|televisioon|elekter|valgus|wifi|levi)\w* {gap}(?:ei toota|ei tootanud|on maas|maas|katkes|katkeb|puudub|rikkis)",
             r"(?:ei ole|pole) {gap}(?:internetti|voolu|sidet|levi|elektrit)", r"katkestus\w*", r"rike\w*", r"torge\w*", r"ei saa (?:sisse|uhendust)", r"miski ei toota"],
  'contract_cited': [r"leping\w*", r"garantii\w*", r"tingimus\w*", r"uldtingimus\w*", r"vastavalt lepingule", r"tarbijaoigus\w*", r"volaoigusseadus\w*", r"seaduse jargi"],
  'executive_escalation': [r"juhi(?:ga|le|lt)?", r"juhataja\w*", r"ulemus\w*", r"direktor\w*", r"tegevjuh\w*", r"juhatus\w*", r"(?:tahan|soovin) raakida (?:juhi|ulemuse|juhataja)\w*",
                           r"eskaleeri\w*", r"korgem\w* (?:juht\w*|tase\w*)", r"vastutav\w* isik\w*"],
 },
 'vi': {
  'anger': [r"khong the chap nhan(?: duoc)?", r"qua te", r"te hai", r"kinh khung", r"buc minh", r"buc xuc", r"tuc gian", r"phan no", r"that vong", r"qua dang",
            r"chan ngan", r"toi te", r"te nhat", r"vo ly", r"qua la", r"khong chiu noi"],
  'insult': [r"do ngu", r"ngu ngoc", r"bat tai", r"vo dung", r"lua dao", r"an cuop", r"vo hoc", r"khon nan", r"mat day", r"lu ngu", r"do an cap", r"bon lua dao",
             r"nghiep du", r"lam an nhu (?:shit|cut)"],
  'threat_chargeback': [r"chargeback", r"(?:bao|yeu cau|nho) ngan hang (?:hoan|tra lai|huy|khieu nai|chan)", r"khieu nai (?:voi|len) ngan hang", r"tra soat",
                        r"huy giao dich (?:qua|voi) ngan hang", r"doi ngan hang hoan tien"],
  'threat_legal': [r"luat su", r"khoi kien", r"kien (?:cong ty|cac ban|ra toa|ben)", r"se kien", r"toa an", r"ra toa", r"len toa", r"phap luat", r"phap ly",
                   r"hanh dong phap ly", r"dua (?:ra|len) toa"],
  'threat_regulator': [r"bao ve nguoi tieu dung", r"cuc canh tranh", r"co quan chuc nang", r"so cong thuong", r"bo cong thuong", r"thanh tra", r"co quan quan ly",
                       r"bo thong tin"],
  'threat_public': [r"mang xa hoi", r"facebook", r"fb", r"zalo", r"tiktok", r"bao chi", r"nha bao", r"len bao", r"danh gia (?:1 sao|mot sao|xau|tieu cuc)",
                    r"review (?:xau|1 sao)", r"dang (?:len|bai)(?: len)? (?:mang|facebook|fb|hoi nhom)", r"boc phot", r"cho moi nguoi biet", r"hoi nhom"],
  'churn_risk': [r"huy (?:hop dong|dich vu|goi cuoc|tai khoan|dang ky|the)", r"cham dut hop dong", r"chuyen sang (?:nha mang|nha cung cap|ben|cong ty|ngan hang) khac",
                 r"doi (?:nha mang|nha cung cap|sang ben khac)", r"khong (?:bao gio )?(?:dung|mua|dat) (?:cua |hang cua )?(?:cac ban|cong ty|ben ban) nua",
                 r"bo (?:dich vu|cac ban|ben ban)", r"doi thu", r"ben khac"],
  'repeat_issue': [r"lai (?:bi|hong|loi|tru)", r"lai mat (?:mang|song|dien|ket noi)", r"mot lan nua", r"lan thu (?:hai|ba|tu|nam|\d+)", r"thang truoc", r"tuan truoc", r"nhieu lan",
                   r"(?:goi|bao|phan anh|khieu nai|lien he) (?:hai|ba|bon|nam|\d+|nhieu) lan", r"van (?:bi|con bi)", r"tuan thu (?:hai|ba|tu|nam)", r"da (?:goi|bao|phan anh|khieu nai) (?:roi|nhieu lan)", r"cu (?:bi|lap lai)", r"lap lai",
                   r"tiep tuc bi", r"lan nay lai"],
  'money_claim': [r"hoan (?:lai )?tien", r"tra lai tien", r"tru tien (?:hai lan|2 lan|sai|nham)", r"tinh tien (?:hai lan|2 lan|sai|nham|qua)", r"thu (?:them|sai|qua) tien",
                  r"boi thuong", r"den bu", r"tru (?:hai|2) lan", r"tinh phi sai", r"tru nham", r"tien bi tru"],
  'outage': [r"(?:mang|internet|wifi|song|dich vu|ung dung|app|trang web|website|he thong|dien|truyen hinh|dien thoai) (?:bi )?(?:mat|sap|loi|ngung|khong (?:vao duoc|hoat dong|ket noi duoc|su dung duoc))",
             r"(?:mang|internet|wifi|song|dien|truyen hinh) {gap}(?:bi )?(?:mat|sap|chap chon|rot)", r"mat (?:mang|song|dien|ket noi|internet|wifi)",
             r"khong (?:vao|truy cap) duoc (?:mang|internet|trang|web|app|ung dung)", r"(?:mang|internet|wifi) khong ket noi duoc", r"su co", r"gian doan", r"ngung hoat dong"],
  'contract_cited': [r"hop dong", r"bao hanh", r"dieu khoan", r"dieu kien (?:su dung|dich vu)", r"quyen loi (?:cua )?(?:toi|khach hang|nguoi tieu dung)", r"theo quy dinh",
                     r"luat bao ve nguoi tieu dung", r"cam ket"],
  'executive_escalation': [r"(?:gap|noi chuyen voi|lam viec voi|cho toi gap|goi) (?:nguoi )?(?:quan ly|truong phong|giam doc|sep|cap tren|nguoi co tham quyen)",
                           r"quan ly", r"giam doc", r"truong phong", r"cap tren", r"ban giam doc", r"ceo", r"sep"],
 },
}

NEGATION = {'en': r"not|no|never|don't|dont|won't|wont|wouldn't|didn't|doesn't|isn't|aren't|wasn't|cannot|can't|without|nor|hardly",
            'ro': r"nu|niciodata|fara|nici|n-am|n-as|n-o|n-ati|nicicand",
            'ru': r"не|нет|никогда|ни|без|незачем",
            'et': r"ei|pole|mitte|ega|kunagi|ilma",
            'vi': r"khong|chua|chang|khoi"}

# Ways of declining to say something: what follows, to the end of the clause, is not the writer's own words (the
# guard does not flag "I won't tell you it's another team's fault").
UNSAID = {'en': r"(?:i|we) (?:won'?t|will not|wouldn'?t|am not going to|are not going to|don'?t want to|do not want to|refuse to) (?:say|tell you|claim|pretend|blame|make excuses)|(?:i'?m|we'?re) not going to (?:say|tell you|claim|pretend|blame|make excuses)|(?:i|we) (?:don'?t|do not|never) (?:say|blame|make excuses)|without (?:blaming|making excuses)|instead of (?:saying|blaming)",
          'ro': r"nu (?:va )?(?:spun|voi spune|o sa (?:va )?spun|zic|voi zice|pretind|dau vina|arunc vina)|fara sa (?:dau vina|ma scuz|spun)|in loc sa (?:spun|dau vina)",
          'ru': r"не (?:буду|стану|хочу) (?:говорить|утверждать|оправдываться|винить|сваливать|рассказывать)|не скажу|без оправданий|вместо того чтобы (?:сказать|винить)",
          'et': r"(?:ma|me|mina|meie) ei (?:ütle|hakka ütlema|väida|süüdista|vabanda)|ei hakka (?:ütlema|süüdistama|vabandama)|selle asemel, et (?:öelda|süüdistada)",
          'vi': r"(?:em|toi|minh|chung toi|ben em) (?:khong|se khong) (?:noi|do loi|doi loi|bien minh|chong che)|khong do loi cho|thay vi (?:noi|do loi)"}

# Words of asking someone to act: a party named right after one is who the writer turned to, not who failed.
ADDRESSED = {'en': r"asked|told|got|requested|instructed|reminded|contacted|called|emailed|chased|urged",
             'ro': r"rugat|cerut|sunat|contactat|solicitat|anuntat|instiintat|rog",
             'ru': r"попросил\w*|поручил\w*|связал\w*|обратил\w*|попросили|напомнил\w*|сообщил\w*",
             'et': r"palusin|palusime|palus|teavitasin|teavitasime|helistasin|helistasime|kirjutasin|kirjutasime",
             'vi': r"nho|yeu cau|de nghi|lien he|bao|goi"}

CATEGORIES = {
 'en': {'billing': r"bill\w*|invoice\w*|charge\w*|payment\w*|refund\w*|paid|price|fee\w*|tariff|direct debit|overcharg\w*",
        'technical': r"internet|wifi|router|connection|network|signal|app|website|login|password|outage|error|crash\w*|slow|broadband|tv",
        'delivery': r"deliver\w*|parcel\w*|package\w*|courier\w*|shipping|shipment|tracking|arriv\w*|dispatch\w*|late order",
        'product': r"broken|defect\w*|faulty|damaged|quality|kettle|phone|laptop|device|product|item|leak\w*|stopped working",
        'service': r"rude|staff|agent|call centre|call center|waited|hold|nobody (?:called|answered)|promised|customer service|attitude|manager"},
 'ro': {'billing': r"factur\w*|plat\w*|taxat\w*|ramburs\w*|bani|lei|pret\w*|abonament\w*|debitat\w*|incasat\w*",
        'technical': r"internet\w*|net\w*|router\w*|conexiun\w*|retea\w*|semnal\w*|aplicati\w*|site\w*|parol\w*|eroare|cont\w*|tv",
        'delivery': r"livr\w*|colet\w*|curier\w*|comand\w*|expedi\w*|awb|pachet\w*|transport\w*",
        'product': r"defect\w*|stricat\w*|deteriorat\w*|calitate\w*|produs\w*|aparat\w*|telefon\w*|fierbator\w*",
        'service': r"nepoliticos\w*|angajat\w*|operator\w*|asteptat|call center|nimeni nu|promis\w*|atitudine|serviciul clienti"},
 'ru': {'billing': r"счет\w*|оплат\w*|списа\w*|деньг\w*|платеж\w*|тариф\w*|возврат\w*|сумм\w*",
        'technical': r"интернет\w*|роутер\w*|связ\w*|сет\w*|сигнал\w*|приложени\w*|сайт\w*|парол\w*|ошибк\w*|тв",
        'delivery': r"доставк\w*|курьер\w*|посылк\w*|заказ\w*|отправк\w*|трек\w*",
        'product': r"сломан\w*|брак\w*|дефект\w*|качеств\w*|товар\w*|устройств\w*|телефон\w*|чайник\w*",
        'service': r"грубо\w*|хам\w*|сотрудник\w*|оператор\w*|ждал\w*|никто не|обещал\w*|обслуживани\w*"},
 'et': {'billing': r"arve\w*|makse\w*|maks\w*|raha|hind\w*|tasu\w*|tagasimakse\w*|summa\w*",
        'technical': r"internet\w*|ruuter\w*|uhendus\w*|vork\w*|levi|rakendus\w*|veebileht\w*|parool\w*|viga|tv",
        'delivery': r"tarne\w*|kuller\w*|pakk\w*|saadetis\w*|tellimus\w*|kohale",
        'product': r"katki|defekt\w*|rikkis|kvaliteet\w*|toode\w*|seade\w*|telefon\w*|veekeetja\w*",
        'service': r"ebaviisakas|ebaviisakad|tootaja\w*|teenindaja\w*|ootasin|keegi ei|lubati|teenindus\w*"},
 'vi': {'billing': r"hoa don|thanh toan|tien|cuoc|phi|hoan tien|tru tien|gia",
        'technical': r"mang|internet|wifi|modem|ket noi|song|ung dung|app|trang web|mat khau|loi|truyen hinh",
        'delivery': r"giao hang|don hang|shipper|van chuyen|buu kien|goi hang|giao",
        'product': r"hong|loi san pham|chat luong|san pham|thiet bi|dien thoai|may",
        'service': r"thai do|nhan vien|tong dai|cho doi|khong ai|hua|cham soc khach hang"},
}

GUARD = {
 'en': {
  'admits_not_knowing': [r"i (?:do not|don'?t|dont) know", r"(?:i have|i'?ve|i got) no idea", r"no idea", r"i'?m not sure", r"i am not sure", r"not sure (?:what|why|when|if|how)",
                         r"i (?:can'?t|cannot) (?:say|tell you)", r"who knows", r"i have no clue", r"dunno", r"beats me", r"i wouldn'?t know", r"no one knows", r"nobody knows"],
  'not_my_job': [r"not my (?:job|department|responsibility|problem|area)", r"(?:that|this|it) is not (?:our|my) (?:department|responsibility|job|problem|area)",
                 r"(?:that'?s|thats|it'?s) not (?:our|my) (?:department|responsibility|job|problem|area)", r"nothing (?:i|we) can do", r"(?:i|we) (?:can'?t|cannot) help (?:you )?with (?:that|this)",
                 r"(?:you'?ll|you will|you'?d|you would) (?:have|need) to (?:contact|call|ask|email|write to) (?:another|a different|the other|the relevant) (?:department|team)",
                 r"contact (?:the )?(?:other|another) department", r"not (?:handled|dealt with) by (?:us|me|our team)", r"wrong department", r"not something (?:i|we) (?:deal|handle)",
                 r"(?:that|this) (?:isn'?t|is not) (?:handled|dealt with) (?:here|by us)", r"i only (?:handle|deal with)"],
  'blames_colleagues': [r"(?:my|our|a) (?:colleague|coworker|co-worker)s? {gap}(?:made|messed|screwed|forgot|mistake|error|fault|didn'?t|failed|wrong)",
                        r"(?:the )?(?:other|another|billing|technical|logistics|warehouse|sales|delivery|it) (?:department|team) {gap}(?:messed|screwed|made a mistake|forgot|failed|fault|error|didn'?t|mixed up)",
                        r"(?:fault|mistake) of (?:the|our|my) \w+", r"(?:a|the) new (?:operator|colleague|employee|agent|guy|girl|person|hire|trainee) {gap}(?:made|messed|forgot|mistake|wrong|error|didn'?t)",
                        r"(?:their|his|her) fault", r"blame (?:the|our|my) \w+", r"someone (?:else )?in \w+ (?:messed|screwed) up", r"not our fault", r"(?:the )?courier'?s fault"],
  'makes_excuses': [r"(?:we are|we'?re|we have been|we'?ve been) (?:very |so |extremely )?(?:short[- ]staffed|understaffed|busy|overloaded|swamped)", r"staff (?:shortage|shortages)",
                    r"(?:because of|due to) (?:the )?(?:holidays?|holiday season|christmas|summer|bank holiday|easter)", r"(?:the|our) system (?:is|was|has been) (?:down|slow|broken|not working|acting up|updating)",
                    r"system (?:error|issue|problem|glitch|update)", r"(?:the )?system (?:did|must have|probably|made|messed)", r"(?:we|i) (?:have|had|get|got) (?:a lot of|lots of|many|too many|so many) (?:requests|complaints|tickets|customers|calls|emails)",
                    r"high (?:volume|number) of (?:requests|calls|complaints|emails)", r"(?:colleague|staff|team|people|he|she) (?:is|are|was|were) (?:off )?(?:sick|on leave|on holiday|on vacation)",
                    r"(?:the )?computer (?:is|was) (?:down|slow)", r"(?:we'?re|we are) only human", r"it'?s (?:been )?(?:a )?(?:busy|crazy|hectic) (?:time|week|period)"],
  'tells_to_calm_down': [r"calm down", r"relax", r"(?:don'?t|do not) (?:get|be) (?:so )?(?:upset|angry|emotional|worked up|excited|aggressive)",
                         r"no need to (?:shout|be rude|get angry|be upset|yell|get upset)", r"take a (?:deep )?breath", r"(?:cool|settle) down", r"stop (?:shouting|yelling)",
                         r"lower your voice", r"(?:you'?re|you are) overreacting", r"chill"],
  'uses_jargon': [r"ticket", r"sla", r"backend", r"back-end", r"escalation matrix", r"tier (?:1|2|3)", r"l[123](?: support| team)?", r"rma", r"crm", r"rca",
                  r"root cause analysis", r"provisioning", r"p[1-4]", r"noc", r"jira", r"workaround", r"kpi", r"sku", r"ont", r"onu", r"dslam", r"as per", r"kindly revert"],
  'leaks_internal': [r"internal (?:note|only|use|comment|remark)", r"for internal use", r"do not (?:forward|share)", r"not for (?:the )?(?:customer|client)", r"staff only",
                     r"(?:fyi|note to) (?:team|colleagues|all|self)", r"-+ ?original message ?-+", r"-+ ?forwarded message ?-+", r"between us", r"\[internal\]",
                     r"(?:the )?customer is (?:a |an )?(?:pain|idiot|difficult|nightmare|troll|liar|chancer)", r"confidential"],
  'apology': [r"(?:i'?m|i am|we'?re|we are) (?:so |very |truly |really |deeply |terribly |sincerely )?sorry", r"(?:i|we) (?:sincerely |truly |deeply )?apologi[sz]e",
              r"accept (?:my|our) (?:sincere |deepest )?apolog(?:y|ies)", r"(?:my|our) (?:sincere |deepest )?apologies", r"sorry (?:for|about)"],
  'empathy': [r"i (?:completely |fully |totally |really )?(?:understand|get) (?:how|why|your|that this|that it|what)", r"i can (?:see|imagine|understand) (?:how|why|that)",
              r"(?:that|this|it) must (?:be|have been) (?:very |so |really |incredibly |extremely )?(?:frustrating|annoying|stressful|upsetting|difficult|disappointing|inconvenient|hard|worrying)",
              r"i hear you", r"(?:you'?re|you are|you have) (?:every right|right|entitled) to (?:be )?(?:upset|frustrated|angry|disappointed|annoyed)", r"i know how (?:frustrating|annoying|stressful|upsetting|worrying)",
              r"(?:i )?(?:completely |totally )?understand your (?:frustration|concern|disappointment|anger)"],
  'recap': [r"(?:let me|i want to|i'?d like to|just to) (?:make sure|check|confirm) (?:that )?i (?:have|understand|understood|got)", r"if i (?:understand|understood|have understood) (?:you |this )?(?:correctly|right)", r"to (?:recap|summari[sz]e|sum up)", r"as i understand it,? you", r"you (?:wrote|told us|told me|mentioned) that", r"is (?:that|this) (?:correct|right)"],
 },
 'ro': {
  'admits_not_knowing': [r"nu (?:stiu|cunosc)", r"habar n-am", r"habar nu am", r"nu am (?:nicio|nici o) idee", r"n-am (?:nicio|nici o) idee", r"nu sunt sigur\w*",
                         r"nu va pot spune", r"cine stie", r"nu (?:va )?pot sa va spun", r"nu se stie"],
  'not_my_job': [r"nu (?:e|este) (?:treaba|problema|responsabilitatea|departamentul) (?:mea|noastra|meu|nostru)", r"nu (?:ne|ma) (?:ocupam|ocup) (?:noi |eu )?de (?:asta|acest)",
                 r"nu tine de (?:noi|mine|departamentul nostru)", r"(?:sunati|contactati|scrieti) (?:la )?(?:alt|celalalt) departament", r"nu putem face nimic",
                 r"nu pot face nimic", r"trebuie sa (?:sunati|contactati|va adresati) (?:altui|la alt) departament\w*", r"departament\w* gresit"],
  'blames_colleagues': [r"(?:colegul|colega|colegii) {gap}(?:a gresit|au gresit|a uitat|au uitat|a incurcat|nu a|greseala|vina)", r"(?:alt|celalalt) departament {gap}(?:a gresit|a uitat|a incurcat|greseala|vina)",
                        r"(?:din )?vina (?:colegului|colegei|colegilor|departamentului|curierului|lor|lui|ei)", r"(?:un|o) (?:coleg|colega|operator|operatoare|angajat) nou\w* {gap}(?:a gresit|a uitat|a incurcat|nu a)",
                        r"nu e vina noastra", r"nu este vina noastra", r"e vina (?:lor|lui|ei)"],
  'makes_excuses': [r"(?:suntem|avem) (?:foarte )?(?:aglomerati|ocupati|putini oameni|lipsa de personal)", r"lipsa de personal", r"(?:din cauza|datorita) (?:sarbatorilor|concediilor|vacantei|craciunului)",
                    r"sistemul (?:nu merge|nu functioneaza|nu a functionat|nu a mers|a picat|e picat|este lent|merge greu|s-a blocat)", r"(?:o )?(?:eroare|problema) de sistem", r"avem (?:foarte )?multe (?:cereri|reclamatii|solicitari|apeluri)",
                    r"(?:colegul|colega|colegii) (?:este|e|sunt) (?:in concediu|bolnav\w*)", r"suntem (?:doar )?oameni"],
  'tells_to_calm_down': [r"calmati-va", r"calmeaza-te", r"linistiti-va", r"linisteste-te", r"nu (?:va|te) (?:mai )?(?:enervati|enerva|agitati|agita)", r"nu (?:e|este) cazul sa (?:tipati|va enervati)",
                         r"nu mai tipati", r"respirati adanc", r"exagerati"],
  'uses_jargon': [r"tichet\w*", r"ticket\w*", r"sla", r"backend", r"escaladare (?:de )?nivel", r"nivel(?:ul)? (?:1|2|3)", r"l[123]", r"rma", r"crm", r"p[1-4]", r"noc", r"provizionare", r"workaround", r"kpi"],
  'leaks_internal': [r"nota interna", r"(?:uz|folosire) intern", r"doar intern", r"nu (?:trimiteti|transmiteti|dati) (?:mai departe|clientului)", r"-+ ?mesaj original ?-+", r"-+ ?original message ?-+",
                     r"intre noi", r"\[intern\]", r"clientul (?:e|este) (?:un |o )?(?:pacoste|idiot|dificil|cicalitor)", r"confidential"],
  'apology': [r"(?:ne|imi) pare (?:foarte |sincer |tare )?rau", r"(?:ne|imi) cer(?:em)? (?:sincer |mii de )?scuze", r"va (?:cer|cerem) scuze", r"scuzele noastre", r"scuze pentru"],
  'empathy': [r"inteleg (?:perfect |pe deplin |foarte bine )?(?:cat de|de ce|ca|frustrarea|nemultumirea|supararea|ingrijorarea)", r"(?:imi )?(?:imaginez|dau seama) cat de",
              r"(?:trebuie sa fie|este|a fost) (?:foarte |atat de |extrem de )?(?:frustrant|neplacut|suparator|stresant|dificil)", r"aveti (?:tot )?dreptul sa fiti (?:suparat|nemultumit|dezamagit)\w*",
              r"aveti dreptate sa fiti (?:suparat|nemultumit|dezamagit)\w*"],
  'recap': [r"sa verific (?:ca|daca) am inteles (?:corect|bine)", r"daca (?:am inteles|inteleg) (?:corect|bine)", r"(?:pe scurt|rezumand|recapituland)", r"(?:mi-ati|ne-ati) (?:scris|spus) ca", r"am inteles (?:corect|bine) ca", r"(?:este|e) corect"],
 },
 'ru': {
  'admits_not_knowing': [r"(?:я )?не знаю", r"понятия не имею", r"без понятия", r"не могу (?:сказать|знать)", r"я не уверен\w*", r"кто (?:его )?знает", r"не представляю", r"не в курсе"],
  'not_my_job': [r"(?:это )?не (?:моя|наша) (?:работа|обязанность|проблема|зона ответственности)", r"(?:это )?не (?:мой|наш) (?:отдел|вопрос|профиль)", r"(?:я|мы) этим не занима\w*",
                 r"обращайтесь в (?:другой|соответствующий) отдел", r"ничего не (?:могу|можем) сделать", r"не по адресу", r"(?:звоните|пишите) в другой отдел", r"это не к нам"],
  'blames_colleagues': [r"(?:коллег\w*|сотрудник\w*) {gap}(?:ошиб\w*|забыл\w*|напутал\w*|виноват\w*|не сделал\w*)", r"(?:другой|соседний|тот) отдел {gap}(?:ошиб\w*|забыл\w*|напутал\w*|виноват\w*)",
                        r"(?:по )?вин\w* (?:коллег\w*|отдела|курьера|сотрудника|оператора)", r"нов\w* (?:оператор\w*|сотрудник\w*|менеджер\w*) {gap}(?:ошиб\w*|забыл\w*|напутал\w*)",
                        r"(?:это )?не наша вина", r"(?:они|он|она) виноват\w*"],
  'makes_excuses': [r"(?:у нас )?(?:не хватает|нехватка) (?:сотрудников|персонала|людей)", r"(?:мы|сейчас) (?:очень )?(?:загружены|перегружены)", r"(?:из-за|в связи с) (?:праздник\w*|отпуск\w*|каникул)",
                    r"(?:система|программа|база) (?:не работа\w*|зависла|тормозит|упала|лежит)", r"системн\w* (?:сбо\w*|ошибк\w*)", r"(?:очень )?много (?:заявок|обращений|жалоб|звонков)",
                    r"(?:коллега|сотрудник) (?:в отпуске|на больничном|заболел\w*)", r"мы (?:всего лишь|тоже) люди"],
  'tells_to_calm_down': [r"успокойтесь", r"успокойся", r"не (?:нервничайте|кричите|волнуйтесь так|злитесь)", r"не надо {gap}(?:кричать|нервничать|переживать|злиться)", r"(?:выдохните|сделайте глубокий вдох)",
                         r"вы преувеличиваете"],
  'uses_jargon': [r"тикет\w*", r"sla", r"бэкенд\w*", r"бекенд\w*", r"вторая линия", r"линия (?:1|2|3)", r"l[123]", r"rma", r"crm", r"p[1-4]", r"noc", r"эскалаци\w* на \w+ линию", r"воркараунд\w*", r"kpi"],
  'leaks_internal': [r"внутренн\w* (?:заметк\w*|пометк\w*|комментари\w*)", r"только для (?:сотрудников|внутреннего)", r"не пересылать(?: клиенту)?", r"-+ ?(?:исходное|пересланное) сообщение ?-+",
                     r"-+ ?original message ?-+", r"между нами", r"\[внутр\w*\]", r"клиент (?:- |— )?(?:неадекват\w*|сложный|зануда|идиот)", r"конфиденциально"],
  'apology': [r"(?:мы |я )?(?:приносим|приношу) (?:свои |искренние |наши )?извинени\w*", r"(?:просим|прошу) (?:прощения|извинить)", r"извините", r"простите", r"(?:нам|мне) (?:очень )?жаль"],
  'empathy': [r"(?:я |мы )?(?:прекрасно |полностью |хорошо )?(?:понимаю|понимаем),? (?:как|ваше|ваши|вашу|почему|что вы|насколько|вас)", r"(?:представляю|могу представить),? (?:как|насколько)",
              r"(?:это|такое) (?:очень |действительно |крайне )?(?:неприятно|обидно|досадно|неудобно)", r"вы (?:вправе|имеете (?:полное )?право) (?:быть|расстраиваться|возмущаться|сердиться)"],
  'recap': [r"(?:позвольте|разрешите) уточнить", r"правильно ли я (?:понял|поняла|понимаю)", r"если я (?:правильно )?(?:понял|поняла|понимаю)", r"вы (?:написали|сообщили|упомянули),? что", r"(?:подытожу|резюмирую|подводя итог)"],
 },
 'et': {
  'admits_not_knowing': [r"(?:ma )?ei tea", r"mul pole aimugi", r"pole aimugi", r"ma ei ole kindel", r"ei oska (?:oelda|oelda)", r"kes teab", r"ei tea (?:midagi|kahjuks)"],
  'not_my_job': [r"see (?:ei ole|pole) (?:minu|meie) (?:too|toö|asi|osakond|vastutus|mure)", r"(?:me|ma) ei tegele (?:sellega|selliste)", r"poorduge teise osakon\w*",
                 r"(?:me|ma) ei saa {gap}midagi teha", r"vale osakond", r"helistage teise osakon\w*", r"see (?:ei ole|pole) meie teema"],
  'blames_colleagues': [r"kolleeg\w* {gap}(?:eksis|unustas|ajas sassi|viga|suu\w*)", r"(?:teine|muu) osakond {gap}(?:eksis|unustas|ajas sassi|viga)", r"(?:kolleegi|osakonna|kulleri|tootaja)\w* (?:viga|suu)",
                        r"uus (?:tootaja|kolleeg|operaator|teenindaja) {gap}(?:eksis|unustas|ajas sassi|tegi vea)", r"see (?:ei ole|pole) meie suu", r"(?:nende|tema) suu"],
  'makes_excuses': [r"(?:meil )?(?:on )?(?:vahe|puudu) (?:tootajaid|inimesi|personali)", r"tootajate puudus", r"(?:puhade|puhkuste|suve|joulude) (?:tottu|parast)",
                    r"susteem (?:ei toota|ei tootanud|on maas|on aeglane|jooksis kokku)", r"susteemi (?:viga|torge|rike)", r"(?:meil on )?(?:vaga )?palju (?:poordumisi|kaebusi|kone|paringuid)",
                    r"kolleeg (?:on )?(?:puhkusel|haige)", r"(?:me )?oleme ka (?:ainult )?inimesed"],
  'tells_to_calm_down': [r"rahunege", r"rahune", r"ärge karjuge", r"arge karjuge", r"arge (?:arrituge|vihastage|ergutage)", r"votke rahulikult", r"hingake sügavalt|hingake sugavalt", r"liialdate"],
  'uses_jargon': [r"tiket\w*", r"ticket\w*", r"sla", r"backend\w*", r"tugitase (?:1|2|3)", r"l[123]", r"rma", r"crm", r"p[1-4]", r"noc", r"workaround\w*", r"kpi"],
  'leaks_internal': [r"sisemine (?:markus|kommentaar)", r"ainult sisekasutuseks", r"mitte edastada(?: kliendile)?", r"-+ ?(?:algne|edastatud) (?:sonum|kiri) ?-+", r"-+ ?original message ?-+",
                     r"meie vahel", r"\[sisene\]", r"klient on (?:tulihingeline|raske|tüütu|tuutu|idioot)", r"konfidentsiaalne"],
  'apology': [r"(?:vabandame|vabandan)(?: vaga| siiralt| vaga siiralt)?", r"palun vabandust", r"(?:meil|mul) on (?:vaga )?kahju", r"vabandust"],
  'empathy': [r"(?:saan|saame) (?:hasti |taiesti )?aru,? (?:kui|miks|et|teie)", r"(?:moistan|moistame) (?:teie|teid|kui|miks|et)",
              r"(?:see|selline|see on) (?:on )?(?:vaga |toesti |vaga )?(?:hairiv|tuutu|ebameeldiv|pettumust valmistav|frustreeriv)", r"teil on (?:taielik )?oigus (?:olla )?(?:pahane|pettunud|nordinud)"],
  'recap': [r"(?:lubage|lubage mul) kontrollida", r"kas (?:ma )?sain (?:oigesti|ouesti) aru", r"kui (?:ma )?(?:sain|saan) (?:oigesti )?aru", r"te (?:kirjutasite|utlesite|mainisite),? et", r"kokkuvottes"],
 },
 'vi': {
  'admits_not_knowing': [r"(?:toi|em|minh) (?:khong|chang) (?:biet|ro)", r"khong biet", r"khong ro", r"khong chac", r"chiu thoi", r"ai ma biet", r"khong nam duoc"],
  'not_my_job': [r"khong phai (?:viec|trach nhiem|bo phan) cua (?:toi|em|chung toi|minh)", r"(?:toi|em|chung toi) khong (?:phu trach|lo) (?:viec|van de) (?:nay|do)",
                 r"(?:anh|chi|ban|quy khach) (?:hay|vui long)? ?(?:goi|lien he) (?:bo phan|phong) khac", r"khong the lam gi (?:duoc )?(?:nua|het)", r"nham bo phan", r"khong thuoc (?:trach nhiem|bo phan)"],
  'blames_colleagues': [r"(?:dong nghiep|nhan vien|ban) {gap}(?:lam sai|nham|quen|loi|sai sot)", r"bo phan (?:khac|kho|ke toan|giao hang|ky thuat) {gap}(?:lam sai|nham|quen|loi)",
                        r"loi (?:cua|la do) (?:dong nghiep|nhan vien|bo phan|ben giao hang|shipper|ho)", r"nhan vien moi {gap}(?:lam sai|nham|quen|loi)", r"khong phai loi cua (?:chung toi|em|toi)", r"do (?:ho|ben kia) lam sai"],
  'makes_excuses': [r"(?:thieu|khong du) (?:nhan vien|nguoi|nhan su)", r"(?:dang |rat )?(?:qua tai|dong khach|ban ron)", r"(?:do|vi) (?:nghi le|tet|ky nghi|mua cao diem)",
                    r"he thong (?:bi loi|dang loi|bi sap|cham|dang bao tri)", r"loi he thong", r"(?:qua )?nhieu (?:yeu cau|khieu nai|cuoc goi|don)", r"(?:dong nghiep|nhan vien) (?:dang )?(?:nghi phep|bi om)",
                    r"chung toi cung la con nguoi"],
  'tells_to_calm_down': [r"(?:anh|chi|ban|quy khach) (?:hay )?binh tinh", r"binh tinh (?:lai|di)", r"dung (?:nong|gian|la|hoang)", r"khong can phai (?:la|gian|nong)", r"hit tho sau", r"lam qua len"],
  'uses_jargon': [r"ticket", r"sla", r"backend", r"tier (?:1|2|3)", r"l[123]", r"rma", r"crm", r"p[1-4]", r"noc", r"workaround", r"kpi", r"escalate"],
  'leaks_internal': [r"ghi chu noi bo", r"chi (?:dung )?noi bo", r"khong (?:chuyen|gui) (?:tiep )?cho khach", r"-+ ?(?:thu goc|tin nhan goc) ?-+", r"-+ ?original message ?-+",
                     r"giua chung ta", r"\[noi bo\]", r"khach (?:hang )?(?:nay )?(?:kho tinh|phien|hay cai|vo ly) (?:qua|lam)", r"bao mat"],
  'apology': [r"(?:chung toi|em|toi) (?:thanh that |rat |chan thanh )?xin loi", r"xin loi (?:anh|chi|quy khach|ban|vi)", r"(?:chung toi|em|toi) rat tiec", r"thanh that xin loi"],
  'empathy': [r"(?:toi|em|chung toi) (?:rat |hoan toan )?(?:hieu|thong cam) (?:viec nay|cam giac|vi sao|tai sao|su|rang|anh|chi|quy khach|ban|dieu)", r"(?:toi|em|chung toi) rat (?:hieu|thong cam)",
              r"(?:chac han|that su|qua that) (?:la )?(?:rat )?(?:kho chiu|buc minh|phien|bat tien|that vong)"],
  'recap': [r"de toi xac nhan lai", r"neu toi hieu (?:dung|khong nham)", r"(?:anh|chi|quy khach|ban) (?:da )?(?:cho biet|noi|viet) (?:rang|la)", r"nhu vay (?:co )?dung khong", r"tom lai"],
 },
}


# Rules described by their parts (PhraseRule: every part in one clause, in this order unless unordered, none negated):
# a third party + a failing said of it is BLAMES_COLLEAGUES whatever the words; refusing + sending elsewhere is NOT_MY_JOB.
PARTS = {
 'en': {
  'blames_colleagues': {
   'party': [r"(?:the |a |our |your )?(?:courier|carrier|delivery (?:company|firm|service|driver|guys|people)|post office|postal service|postman|driver)s?",
             r"(?:the |our |a |that )?(?:partner|supplier|vendor|subcontractor|contractor|manufacturer|factory|warehouse|shop|store|branch|bank)s?",
             r"(?:the |our |another |other |that |a )(?:\w+ )?(?:team|department|dept|office|desk|people|guys|folks|staff)",
             r"(?:my |our |a )?(?:colleague|coworker|co-worker)s?", r"accounts|billing|logistics|dispatch|head office|management|it support",
             r"(?:the |my |our )?(?:previous|last|other|first|new|night|weekend) (?:agent|operator|advisor|adviser|rep|representative|person|guy|colleague|engineer|technician|shift)",
             r"(?:the )?(?:guy|girl|person|lady|man|woman|agent|engineer|technician|operator) (?:who|that|before)"],
   'failing': [r"lost|mislaid|misplaced|broke|damaged|delayed|forgot|failed|dropped the ball|lost track",
               r"(?:messed|screwed|mixed|fouled) (?:it |this |that |them |things |everything )?up",
               r"got (?:it|this|that|the \w+|your \w+) (?:all )?wrong",
               r"(?:sent|shipped|delivered|dropped|left|entered|typed|put|gave|charged|billed|quoted|applied|booked|set) (?:\w+ ){0,4}(?:wrong|incorrect\w*)",
               r"(?:made|make) (?:a |an )?(?:mistake|error|mess|blunder)",
               r"(?:didn'?t|did not|never|neglected to|forgot to|failed to) (?:\w+ )?(?:read|pass\w*|forward\w*|send|ship|deliver|update|record|log|note|check|process|call|tell|follow|submit|file|escalate|book|register|enter|do)",
               r"(?:is|was|were|are) (?:at fault|to blame)", r"(?:their|his|her|its)(?: \w+)? (?:fault|mistake|error|doing)", r"'s (?:fault|mistake|error)"],
  },
  'not_my_job': {
   'refusing': [r"i only (?:handle|deal with|do|take care of|look after|work (?:in|on))", r"(?:not|isn'?t) (?:my|our) (?:job|department|area|problem|responsibility|team|remit)",
                r"someone else'?s (?:job|problem|department|area|responsibility)", r"(?:handled|dealt with|done|sorted) by \w+,? not (?:by )?(?:me|us)", r"nothing to do with (?:me|us)", r"out of my hands", r"above my pay grade",
                r"(?:can'?t|cannot|don'?t|do not|won'?t) (?:help (?:you )?with|handle|deal with|do anything about) (?:that|this|refunds|billing|it|those)"],
   'elsewhere': [r"(?:try|contact|call|ask|email|phone|ring|write to|go to|speak to|talk to|take it up with|get in touch with|reach out to|turn to) (?:the |our |another |a different |someone|somebody|them|their|\w+ (?:team|department|people))",
                 r"(?:someone|somebody|somewhere|anyone) else", r"elsewhere", r"another (?:department|team|number)"],
   'ordered': False,
  },
 },
 'ro': {
  'blames_colleagues': {
   'party': [r"curier\w*|firma de curierat|posta|postasul|soferul|banca|depozitul|magazinul|furnizorul|partenerul|producatorul|transportatorul",
             r"(?:colegul|colega|colegii|colegele)(?: mei| mele| nostri| noastre| meu| mea)?", r"(?:cei|cele|oamenii|baietii|colegii) de la \w+",
             r"(?:departamentul|echipa|serviciul|biroul|compartimentul) (?:de )?\w+", r"(?:alt|celalalt|un alt|alta|cealalta) (?:departament|coleg|operator|echipa|tura)",
             r"(?:operatorul|agentul|consultantul|tehnicianul|colegul) (?:anterior|dinainte|de dinainte|precedent|de ieri|de tura)"],
   'failing': [r"(?:a|au) (?:pierdut|gresit|uitat|incurcat|stricat|intarziat|deteriorat|ratat)", r"(?:a|au) facut (?:o )?(?:greseala|greseli|confuzie)",
               r"(?:n-?au|n-?a|nu a|nu au) (?:\w+ )?(?:trimis|transmis|facut|verificat|inregistrat|procesat|predat|sunat|citit|livrat|notat|dat)\w*",
               r"(?:a|au) (?:trimis|introdus|facturat|livrat|trecut|notat|dus) (?:\w+ ){0,3}gresit\w*", r"(?:e|este|a fost) vina (?:lor|lui|ei)", r"din vina (?:lor|lui|ei)",
               r"greseala (?:lor|lui|ei)", r"s-au incurcat|s-a incurcat"],
  },
  'not_my_job': {
   'refusing': [r"(?:eu )?ma ocup (?:doar|numai) de", r"nu (?:e|este|tine de) (?:treaba|competenta|responsabilitatea|departamentul|problema) (?:mea|noastra|meu|nostru)",
                r"nu ma ocup (?:eu )?de", r"nu (?:pot sa va ajut|va pot ajuta) cu", r"nu ne priveste", r"nu (?:e|este) de competenta noastra"],
   'elsewhere': [r"adresati-?va (?:\w+ )?(?:altcuiva|altui|la|catre)", r"(?:sunati|contactati|scrieti|intrebati|mergeti)(?: la| pe| catre)? (?:alt|altcuiva|altundeva|colegii|departamentul|cei de la)",
                 r"altcuiva|altundeva|alt departament|alta echipa|alt numar|alta persoana"],
   'ordered': False,
  },
 },
 'ru': {
  'blames_colleagues': {
   'party': [r"курьер\w*|служб\w* доставки|транспортн\w* компани\w*|почт\w*|склад\w*|бухгалтери\w*|партн[её]р\w*|поставщик\w*|подрядчик\w*|производител\w*|банк\w*|магазин\w*|филиал\w*",
             r"коллег\w*|сотрудник\w*|оператор\w*|менеджер\w*|мастер\w*|специалист\w*|техник\w*|монтажник\w*",
             r"(?:друг\w*|соседн\w*|тот|та|техническ\w*|финансов\w*) (?:отдел\w*|служб\w*|команд\w*|смен\w*)", r"(?:отдел\w*|служб\w*) \w+"],
   'failing': [r"потерял\w*|утерял\w*|ошиб\w*|напутал\w*|перепутал\w*|забыл\w*|сломал\w*|повредил\w*|задержал\w*|провалил\w*|виноват\w*",
               r"не (?:\w+ )?(?:передал\w*|отправил\w*|оформил\w*|сделал\w*|проверил\w*|внес\w*|зарегистрировал\w*|доставил\w*|позвонил\w*|прочитал\w*|учел\w*)",
               r"неправильно (?:\w+ )?(?:оформил\w*|указал\w*|ввел\w*|внес\w*|посчитал\w*|отправил\w*|выставил\w*|начислил\w*)", r"(?:их|его|ее) (?:вина|ошибка)", r"по (?:их|его|ее) вине",
               r"(?:доставил\w*|отправил\w*|привез\w*|прислал\w*) (?:\w+ )?(?:не туда|не по тому адресу|не тот|не ту|не то)"],
  },
  'not_my_job': {
   'refusing': [r"(?:я )?(?:занимаюсь|отвечаю) только", r"это не ко мне", r"не (?:моя|наша) (?:работа|компетенция|обязанность|зона ответственности|проблема)",
                r"не (?:мой|наш) (?:вопрос|отдел|профиль)", r"(?:я|мы) (?:этим|такими вопросами) не занимаюсь\w*", r"ничем не (?:могу|можем) помочь", r"не по адресу"],
   'elsewhere': [r"обращайтесь (?:\w+ )?(?:куда-нибудь|куда-то|в другой|к другому|в \w+|к \w+)", r"куда-(?:нибудь|то) (?:ещ[её]|в другое место)", r"в другой отдел",
                 r"к другому (?:специалисту|сотруднику|менеджеру)", r"(?:звоните|пишите|обратитесь|обращайтесь) (?:в|на|к) \w+"],
   'ordered': False,
  },
 },
 'et': {
  'blames_colleagues': {
   'party': [r"kuller\w*|post\w*|omniva|pakiautoma\w*|ladu|lao|raamatupidamine|raamatupidamise|arveldus\w*|partner\w*|tarnija\w*|tootja\w*|pood|poe|pank|panga",
             r"(?:kolleeg|töötaja|teenindaja|klienditeenindaja|operaator|tehnik|meister|müüja|paigaldaja)\w*",
             r"(?:eelmine|eelmise|teine|teise|muu|tehniline|tehnilise) (?:teenindaja|klienditeenindaja|operaator|osakond|osakonna|meeskond|meeskonna|töötaja|kolleeg|tehnik|vahetus)\w*",
             r"(?:osakond|osakonna|meeskond|meeskonna)\w*"],
   'failing': [r"kaotas\w*|eksis\w*|unustas\w*|rikkus\w*|lõhkus\w*|viivitas\w*|süüdi", r"ajas(?:id)? (?:\w+ )?sassi", r"tegi(?:d)? (?:\w+ )?vea",
               r"ei (?:\w+ )?(?:edastanud|saatnud|teinud|kontrollinud|sisestanud|registreerinud|toimetanud|helistanud|lugenud|märkinud)",
               r"(?:sisestas|saatis|arvestas|märkis|tõi) (?:\w+ )?valesti|valesti (?:\w+ )?(?:sisestas|saatis|arvestas|märkis)", r"(?:nende|tema) (?:süü|viga)", r"(?:toimetas|saatis|tõi|andis|viis) (?:\w+ ){0,3}vale\w*"],
  },
  'not_my_job': {
   'refusing': [r"(?:mina )?tegelen (?:ainult|vaid)", r"see (?:ei ole|pole) (?:minu|meie) (?:töö|asi|osakond|vastutus|mure|pädevuses)", r"ma ei tegele (?:sellega|selliste)",
                r"ei (?:saa|oska) (?:teid )?(?:selles|sellega) aidata", r"pole minu asi"],
   'elsewhere': [r"pöörduge (?:\w+ )?(?:kellegi teise|teise|mujale|\w+ poole)", r"kellegi teise|mujale|teise osakonna\w*|teisele numbrile",
                 r"(?:helistage|kirjutage|võtke ühendust) (?:\w+ )?(?:osakonna\w*|meeskonna\w*|\w+ga|\w+le)"],
   'ordered': False,
  },
 },
 'vi': {
  'blames_colleagues': {
   'party': [r"(?:ben |phia |don vi |cong ty )?(?:giao hang|van chuyen|shipper|buu dien|chuyen phat|doi tac|nha cung cap|ngan hang|kho)",
             r"(?:ban|anh|chi|em|co|chu)? ?(?:nhan vien|tu van vien|ky thuat vien|tong dai vien|dong nghiep)(?: \w+)?", r"nhan vien (?:truoc|cu|khac|kia)",
             r"(?:phong|bo phan|ben|ca) (?:ke toan|kho|ky thuat|giao hang|ban hang|cham soc khach hang|khac|kia|tai chinh|truoc)"],
   'failing': [r"lam mat|danh mat|lam sai|ghi sai|tinh nham|tinh sai|nhap sai|giao sai|gui sai|giao nham|gui nham|ghi nham|giao tre|giao cham|lam hong|lam vo|bo quen|quen mat|nham lan",
               r"khong (?:\w+ )?(?:gui|chuyen|bao|ghi|nhap|xu ly|giao|goi|doc|cap nhat)", r"loi (?:la )?(?:cua|tai) (?:ho|ben do|ben ay|anh ay|chi ay|ban ay)"],
  },
  'not_my_job': {
   'refusing': [r"(?:em|toi|minh) chi (?:lo|phu trach|lam|ban|xu ly)", r"khong phai (?:viec|chuyen|trach nhiem|bo phan) (?:cua )?(?:em|toi|minh|ben em|chung toi)",
                r"(?:em|toi|minh) khong (?:phu trach|lo|xu ly)", r"khong thuoc (?:trach nhiem|bo phan|pham vi)"],
   'elsewhere': [r"(?:hoi|lien he|goi|tim|nho) (?:\w+ )?(?:cho|ben|bo phan|phong|noi|nguoi) (?:khac|kia)", r"cho khac|ben khac|bo phan khac|phong khac|nguoi khac|noi khac"],
   'ordered': False,
  },
 },
}

# Network engineers' acronyms mean nothing to a customer in any language: jargon wherever they appear.
ACRONYMS = [r"olt|ont|onu|g?pon|xgs-?pon|cpe|dslam|bras|bng|pppoe|dhcp|mtu|vlan|snr|ftt[hbcp]|v?dsl|adsl2?\+?|qos|bgp|radius|cg-?nat|sfp|los alarm|msan|ipoe|tr-?069|acs"]

# Forwarded or pasted internal correspondence: a forwarding or quoting word and an internal source in one clause.
LEAK_PARTS = {
 'en': {'passing': [r"(?:below|here) is what|(?:i'?m |i am )?(?:forwarding|pasting|copying|sharing)|(?:i'?ll |let me )?(?:forward|paste|copy|quote)|see (?:below|the note|the message)|as (?:per|in) (?:the|our)"],
        'internal': [r"internal|(?:our|the|my) (?:second line|back office|backoffice|tech(?:nical)? team|engineers?|supervisor|manager|team lead|colleagues?) (?:wrote|said|noted|replied|say|note)|(?:our|the) (?:team|department|colleagues?)'?s? (?:notes?|messages?|emails?|correspondence|chat)|(?:notes?|emails?|messages?|correspondence|thread) (?:from|between|of) (?:our|the|my) (?:team|colleagues?|department|engineers?|supervisor)"]},
 'ro': {'passing': [r"va (?:copiez|trimit|redirectionez|las mai jos|atasez)|redirectionez|mai jos (?:este|aveti|gasiti)|iata ce"],
        'internal': [r"(?:nota|notele|mesajul|mesajele|emailul|corespondenta|discutia) (?:interna|interne|colegilor|echipei|departamentului|de la colegi)|intern\w*|(?:colegii|echipa|departamentul|seful|supervizorul) (?:a|au) (?:scris|notat|spus|raspuns)"]},
 'ru': {'passing': [r"пересылаю|пересылаем|копирую|привожу|ниже (?:приводим|привожу|то, что)|вот что (?:написал\w*|ответил\w*)"],
        'internal': [r"внутренн\w*|(?:переписк\w*|письм\w*|сообщени\w*|заметк\w*|комментари\w*) (?:нашего|наших|из|от|нашей) \w+|(?:коллеги|отдел|руководител\w*|начальник\w*|инженер\w*) (?:написал\w*|ответил\w*|отметил\w*)"]},
 'et': {'passing': [r"edastan|edastame|kopeerin|saadan (?:teile )?edasi|allpool on|siin on, mida"],
        'internal': [r"sisemi\w*|(?:kirjavahetus\w*|märkus\w*|kiri|kirja|sõnum\w*) (?:meie )?(?:osakonna|meeskonna|kolleegide|juhi)\w*|(?:kolleeg\w*|osakond|meeskond|juht|tehnik\w*) (?:kirjutas|märkis|vastas)"]},
 'vi': {'passing': [r"(?:em|toi|minh) (?:gui|chuyen tiep|chep|dan|trich) (?:\w+ )?(?:xem|lai|nguyen van)?|duoi day la|day la (?:nhung gi|noi dung)"],
        'internal': [r"noi bo|(?:ghi chu|tin nhan|email|trao doi|thu) (?:cua|tu|giua) (?:bo phan|phong|dong nghiep|ky thuat|quan ly|sep)|(?:bo phan|dong nghiep|quan ly|sep|ky thuat) (?:da )?(?:viet|ghi|tra loi|noi)"]},
}
for _lang, _parts in LEAK_PARTS.items():
    PARTS[_lang]['leaks_internal'] = dict(_parts, ordered=False)

# Issue #17's triage misses, written from the development set: money claimed as an overcharge or a difference to pay
# back, an outage said verb first ("not working again", "опять пропал интернет").
TRIAGE['en']['money_claim'] += [r"(?:credit|refund|return|pay) (?:me )?(?:back )?the difference", r"(?:the )?difference (?:back|refunded|credited)",
                                r"charged (?:me )?(?:\w+ ){0,2}(?:more|extra) than"]
TRIAGE['ro']['money_claim'] += [r"(?:returnati|inapoiati|dati|restituiti)(?:-mi)? (?:inapoi )?diferenta", r"diferenta (?:inapoi|de bani)", r"bani in plus",
                                r"(?:taxat|incasat|luat|retras)\w* (?:\w+ ){0,3}in plus", r"suma (?:in plus|suplimentara)"]
TRIAGE['ro']['outage'] += [r"nu (?:mai )?(?:merge|functioneaza) (?:netul|internetul|reteaua|semnalul|tv-ul|televiziunea|telefonul|wifi-ul|curentul|aplicatia|site-ul)"]
TRIAGE['ru']['money_claim'] += [r"верн\w* (?:\w+ )?разниц\w*", r"больше,? чем (?:положено|должны|по договору|обычно)", r"лишн\w* (?:деньг\w*|сумм\w*|списани\w*)",
                                r"переплат\w*", r"(?:сняли|списали|взяли) (?:\w+ ){0,3}больше"]
TRIAGE['ru']['outage'] += [r"(?:пропал\w*|отвалил\w*|упал\w*|лежит|не работает|отключил\w*) (?:\w+ )?(?:интернет|сеть|связь|wi-?fi|вайфай|тв|телевидение|свет)\w*"]
TRIAGE['et']['money_claim'] += [r"vahe (?:tagasi|hüvitada|kreeditida)", r"(?:makske|maksta|kandke|kanda) (?:\w+ )?vahe", r"(?:rohkem|enam),? kui (?:peaks|lepingus|kokku lepitud)",
                                r"liiga palju (?:raha|arvel)", r"(?:võtsite|võeti|arvestasite) (?:\w+ ){0,2}liiga palju"]
TRIAGE['et']['outage'] += [r"(?:netti|internetti|levi|voolu|sidet|wifit|elektrit) (?:\w+ )?(?:pole|ei ole)"]
TRIAGE['vi']['money_claim'] += [r"(?:phan )?chenh lech", r"(?:tinh|thu|tru) (?:them|du|thua|lo)", r"hoan (?:lai|tra) (?:\w+ ){0,2}(?:tien|phan)"]
# apologies said without a subject ("so sorry", "really sorry"), as people type them
GUARD['en']['apology'] += [r"(?:so|really|very|terribly|truly|awfully|deeply) sorry", r"apologies (?:again|for|about)"]
TRIAGE['vi']['repeat_issue'] += [r"(?:mang|wifi|internet|song|dien|truyen hinh) lai (?:mat|sap|hong|loi|rot)"]

NON_NEGATABLE = {'money_claim', 'repeat_issue', 'admits_not_knowing', 'not_my_job', 'blames_colleagues', 'tells_to_calm_down', 'leaks_internal', 'makes_excuses'}
QUOTED = {'leaks_internal'}

SUGGESTIONS = {
 'en': {'ADMITS_NOT_KNOWING': "Let me find out for you — I will get back to you by …",
        'NOT_MY_JOB': "I will take care of this for you: I am passing it to our … team, and I will stay with you until it is solved.",
        'BLAMES_COLLEAGUES': "Speak for the company, not about colleagues: \"We made a mistake, and I am putting it right.\"",
        'MAKES_EXCUSES': "Leave out the reasons: say what has been done and when the customer will hear from you next.",
        'TELLS_TO_CALM_DOWN': "Acknowledge the feeling and ask a factual question: \"I understand how frustrating this is. When did it start?\"",
        'USES_JARGON': "Say it in the customer's words, without internal terms.",
        'REPEATED_APOLOGY': "Apologise once, for the company; then say what you are doing about it.",
        'LEAKS_INTERNAL': "Take out internal notes and forwarded correspondence; keep them in an internal note.",
        'MISSING_ETA': "Tell the customer when they will hear from you next: \"I will update you by …\"",
        'PERSONAL_DATA_IN_PUBLIC': "This reply is public and names personal data: move the conversation to a private message."},
 'ro': {'ADMITS_NOT_KNOWING': "Verific eu pentru dumneavoastră și revin cu un răspuns până la …",
        'NOT_MY_JOB': "Mă ocup eu de asta: o transmit echipei … și rămân alături de dumneavoastră până se rezolvă.",
        'BLAMES_COLLEAGUES': "Vorbiți în numele companiei: „Am greșit și repar acum.”",
        'MAKES_EXCUSES': "Renunțați la explicații: spuneți ce s-a făcut și când va primi clientul următoarea veste.",
        'TELLS_TO_CALM_DOWN': "Recunoașteți emoția și puneți o întrebare concretă: „Înțeleg cât de neplăcut este. De când a început?”",
        'USES_JARGON': "Spuneți-o cu cuvintele clientului, fără termeni interni.",
        'REPEATED_APOLOGY': "Cereți scuze o singură dată, în numele companiei; apoi spuneți ce faceți.",
        'LEAKS_INTERNAL': "Scoateți notele interne și corespondența redirecționată; păstrați-le într-o notă internă.",
        'MISSING_ETA': "Spuneți clientului când va primi vești: „Revin cu noutăți până la …”",
        'PERSONAL_DATA_IN_PUBLIC': "Răspunsul e public și conține date personale: continuați într-un mesaj privat."},
 'ru': {'ADMITS_NOT_KNOWING': "Я уточню для вас и вернусь с ответом до …",
        'NOT_MY_JOB': "Я займусь этим: передам вопрос команде … и буду на связи, пока он не решится.",
        'BLAMES_COLLEAGUES': "Говорите от имени компании: «Мы ошиблись, и я это исправляю».",
        'MAKES_EXCUSES': "Без объяснений причин: скажите, что сделано и когда клиент получит новости.",
        'TELLS_TO_CALM_DOWN': "Признайте чувства и задайте вопрос по делу: «Понимаю, как это неприятно. Когда это началось?»",
        'USES_JARGON': "Скажите это словами клиента, без внутренних терминов.",
        'REPEATED_APOLOGY': "Извинитесь один раз, от имени компании; затем скажите, что вы делаете.",
        'LEAKS_INTERNAL': "Уберите внутренние заметки и пересланную переписку; сохраните их во внутренней заметке.",
        'MISSING_ETA': "Скажите клиенту, когда он получит новости: «Я сообщу вам до …»",
        'PERSONAL_DATA_IN_PUBLIC': "Ответ публичный и содержит персональные данные: продолжите в личных сообщениях."},
 'et': {'ADMITS_NOT_KNOWING': "Uurin teie jaoks järele ja annan vastuse hiljemalt …",
        'NOT_MY_JOB': "Võtan selle enda peale: annan selle üle meeskonnale … ja olen teiega, kuni asi on lahendatud.",
        'BLAMES_COLLEAGUES': "Rääkige ettevõtte nimel: „Tegime vea ja parandan selle.”",
        'MAKES_EXCUSES': "Jätke põhjendused kõrvale: öelge, mis on tehtud ja millal klient järgmise teate saab.",
        'TELLS_TO_CALM_DOWN': "Tunnustage tundeid ja esitage faktiline küsimus: „Saan aru, kui häiriv see on. Millal see algas?”",
        'USES_JARGON': "Öelge see kliendi sõnadega, ilma sisemiste terminiteta.",
        'REPEATED_APOLOGY': "Vabandage üks kord, ettevõtte nimel; seejärel öelge, mida teete.",
        'LEAKS_INTERNAL': "Eemaldage sisemised märkused ja edastatud kirjavahetus; hoidke neid sisemises märkuses.",
        'MISSING_ETA': "Öelge kliendile, millal ta uudiseid saab: „Annan teile teada hiljemalt …”",
        'PERSONAL_DATA_IN_PUBLIC': "Vastus on avalik ja sisaldab isikuandmeid: jätkake privaatsõnumis."},
 'vi': {'ADMITS_NOT_KNOWING': "Để tôi kiểm tra cho anh/chị và phản hồi trước …",
        'NOT_MY_JOB': "Tôi sẽ lo việc này: tôi chuyển cho bộ phận … và theo sát đến khi giải quyết xong.",
        'BLAMES_COLLEAGUES': "Hãy nói thay mặt công ty: \"Chúng tôi đã sai sót và tôi đang khắc phục.\"",
        'MAKES_EXCUSES': "Bỏ qua lý do: nói những gì đã làm và khi nào khách hàng nhận được tin tiếp theo.",
        'TELLS_TO_CALM_DOWN': "Ghi nhận cảm xúc và hỏi một câu cụ thể: \"Tôi hiểu việc này rất phiền. Sự cố bắt đầu từ khi nào?\"",
        'USES_JARGON': "Hãy nói bằng từ ngữ của khách hàng, không dùng thuật ngữ nội bộ.",
        'REPEATED_APOLOGY': "Chỉ xin lỗi một lần, thay mặt công ty; sau đó nói anh/chị đang làm gì.",
        'LEAKS_INTERNAL': "Bỏ ghi chú nội bộ và thư chuyển tiếp; giữ chúng trong ghi chú nội bộ.",
        'MISSING_ETA': "Cho khách hàng biết khi nào họ nhận được tin: \"Tôi sẽ cập nhật cho anh/chị trước …\"",
        'PERSONAL_DATA_IN_PUBLIC': "Phản hồi này công khai và có dữ liệu cá nhân: hãy chuyển sang tin nhắn riêng."},
}

PHRASES = {
 'en': {'apology': ["I am sorry for the trouble this has caused you — that is not the service we want to give."],
        'empathy': ["I understand how frustrating this must be.", "I can see why you are upset, and I want to put this right."],
        'question': ["When did the problem start?", "Which order or account is this about?", "What have you tried so far?"],
        'recap': ["Let me make sure I have this right: …. Is that correct?"]},
 'ro': {'apology': ["Îmi pare rău pentru neplăcerile create — nu este serviciul pe care vrem să vi-l oferim."],
        'empathy': ["Înțeleg cât de frustrant este.", "Înțeleg de ce sunteți supărat și vreau să rezolv."],
        'question': ["De când a început problema?", "Despre ce comandă sau cont este vorba?", "Ce ați încercat până acum?"],
        'recap': ["Să verific că am înțeles corect: …. Este corect?"]},
 'ru': {'apology': ["Приношу извинения за доставленные неудобства — это не тот сервис, который мы хотим давать."],
        'empathy': ["Понимаю, как это неприятно.", "Понимаю ваше недовольство и хочу всё исправить."],
        'question': ["Когда началась проблема?", "О каком заказе или счёте идёт речь?", "Что вы уже пробовали сделать?"],
        'recap': ["Позвольте уточнить, правильно ли я понял: …. Верно?"]},
 'et': {'apology': ["Vabandame tekitatud ebamugavuste pärast — see pole teenindus, mida soovime pakkuda."],
        'empathy': ["Saan aru, kui häiriv see on.", "Mõistan teie pahameelt ja soovin asja korda teha."],
        'question': ["Millal probleem algas?", "Millist tellimust või kontot see puudutab?", "Mida olete seni proovinud?"],
        'recap': ["Lubage kontrollida, kas sain õigesti aru: …. Kas see on õige?"]},
 'vi': {'apology': ["Chúng tôi xin lỗi vì sự bất tiện này — đây không phải là dịch vụ chúng tôi muốn mang đến."],
        'empathy': ["Tôi hiểu việc này gây khó chịu thế nào.", "Tôi hiểu vì sao anh/chị bực mình và tôi muốn khắc phục."],
        'question': ["Sự cố bắt đầu từ khi nào?", "Việc này liên quan đến đơn hàng hay tài khoản nào?", "Anh/chị đã thử những gì rồi?"],
        'recap': ["Để tôi xác nhận lại: …. Như vậy có đúng không?"]},
}

HEADER = "# {what}, {lang}. Generated by tools/rules.py; edit there. Phrases are regular expressions on folded text\n# (lower case, no diacritics): {{gap}} = up to three other words, \\w* = an inflected ending.\n"

def write(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        f.write("\n".join(lines) + "\n")

for lang, rules in TRIAGE.items():
    for rule, phrases in rules.items():
        lines = [HEADER.format(what='Triage signal ' + rule.upper(), lang=lang).rstrip()] + ["phrase = " + p for p in phrases]
        if rule in NON_NEGATABLE:
            lines.append("negatable = false")
        write(os.path.join(ROOT, 'triage', lang, rule + '.txt'), lines)
    write(os.path.join(ROOT, 'triage', lang, 'negation.txt'), ["# Words that negate what follows them within three words, " + lang + ".", "word = " + NEGATION[lang]])
    write(os.path.join(ROOT, 'triage', lang, 'categories.txt'), ["# Category keywords, " + lang + ": the category with the most hits wins; none gives other."] + [k + " = " + v for k, v in CATEGORIES[lang].items()])
for lang, rules in GUARD.items():
    rules = dict(rules, uses_jargon=rules['uses_jargon'] + [a for a in ACRONYMS if a not in rules['uses_jargon']])
    for rule, phrases in rules.items():
        lines = [HEADER.format(what='Reply guard ' + rule.upper(), lang=lang).rstrip()] + ["phrase = " + p for p in phrases]
        if rule in NON_NEGATABLE:
            lines.append("negatable = false")
        if rule in QUOTED:
            lines.append("quoted = true")
        for part, words in PARTS.get(lang, {}).get(rule, {}).items():
            if part == 'ordered':
                lines.append("ordered = " + str(words).lower())
            else:
                lines += ["part." + part + " = " + w for w in words]
        write(os.path.join(ROOT, 'guard', lang, rule + '.txt'), lines)
    write(os.path.join(ROOT, 'guard', lang, 'negation.txt'), ["# Words that negate what follows them within three words, " + lang + "; and ways of declining",
                                                               "# to say something, after which the rest of the clause is not the writer's own words.",
                                                               "# Words of asking someone to act ('addressed'): a party right after one is not who failed.",
                                                               "word = " + NEGATION[lang], "unsaid = " + UNSAID[lang], "addressed = " + ADDRESSED[lang]])
    write(os.path.join(ROOT, 'guard', lang, 'suggestions.txt'), ["# What to say instead, per finding, " + lang + "."] + [k + " = " + v for k, v in SUGGESTIONS[lang].items()])
    write(os.path.join(ROOT, 'guard', lang, 'phrases.txt'), ["# Suggested phrases per playbook step, " + lang + "."] + [k + " = " + v for k, vs in PHRASES[lang].items() for v in vs])
print("written")
