"""German and English function words (folded): never index keys, down-weighted in scoring."""


def _w(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _w(
    """
    a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my myself no nor not now of off on once only or other our ours ourselves out
    over own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours yourself yourselves also said says say
    according via amp rt https http www com t s
    aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes
    auch auf aus bei bin bis bist da damit dann das dass dasselbe dazu dein deine dem den denn der
    des desselben dessen dich die dies diese dieselbe diesem diesen dieser dieses dir doch dort du
    durch ein eine einem einen einer eines einig einige einigem einigen einiger einiges einmal er
    es etwas euch euer eure fuer gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich
    ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in indem ins ist jede jedem jeden jeder jedes
    jene jenem jenen jener jenes jetzt kann koennen man manche mein meine mich mir mit muss musste
    nach nun nur ob oder ohne sehr sein seine seinem seinen seiner seines selbst sich sie sind so
    solche soll sollte sondern sonst um und uns unser unsere unter vom von vor wann war waren warum
    was weg weil weiter welche welchem welchen welcher welches wenn werde werden wie wieder will
    wir wird wirst wo wollen wollte wuerde wuerden zu zum zur zwar zwischen sagte sagt laut
    wurde wurden worden seien sei habe
    """
)

GERMAN_HINTS = _w(
    "der die das und ist nicht ein eine mit von den dem des zu auf fuer sich wurde wurden im sind "
    "auch als bei nach sagte ueber wird werden hat haben laut mehr am zum zur durch einen einer "
    "keine nicht seit wegen sowie"
)
ENGLISH_HINTS = _w(
    "the and is not a an with of to on for was were are that this by from has have it said than "
    "been will would people at be as more over about says told according after during their "
    "they which who but"
)
