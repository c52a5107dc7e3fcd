/// The templates of a realistic horse page: a base layout through inheritance, a facts table,
/// a 3-generation pedigree, a gallery of 10 pictures and text heavy in characters to escape.
enum HorsePageTemplates {
    static let layout = """
    <!doctype html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{$title}}{{site.title}}{{/title}}</title>
    <meta name="description" content="{{$description}}{{site.description}}{{/description}}">
    <link rel="canonical" href="{{$canonical}}{{site.url}}{{/canonical}}">
    <link rel="stylesheet" href="/assets/site.css">
    </head>
    <body>
    <a class="skip" href="#main">{{site.skip}}</a>
    <header class="site-header">
      <a class="brand" href="/{{lang}}/">{{site.title}}</a>
      <nav aria-label="{{site.menu}}">
        {{#site.nav}}
        <a href="{{url}}">{{label}}</a>
        {{/site.nav}}
      </nav>
    </header>
    <main id="main">
      {{$main}}{{/main}}
    </main>
    <footer class="site-footer">
      <p>{{site.title}} · <a href="mailto:{{site.email}}">{{site.email}}</a> · {{site.phone}}</p>
      <a class="paddock-attribution" data-attribution="equicty" href="https://www.equicty.com"><img src="/assets/equicty-logo.svg" alt="Equicty" width="96" height="24"> Data by Equicty</a>
    </footer>
    </body>
    </html>

    """

    static let horse = """
    {{<layout}}
    {{$title}}{{name}} – {{site.title}}{{/title}}
    {{$description}}{{summary}}{{/description}}
    {{$canonical}}{{url}}{{/canonical}}
    {{$main}}
    <article class="horse">
      <h1>{{name}}</h1>
      {{#officialName}}<p class="official">{{officialName}}</p>{{/officialName}}
      <table class="facts">
        {{#facts}}
        <tr><th scope="row">{{label}}</th><td>{{value}}</td></tr>
        {{/facts}}
      </table>
      {{#pedigree}}
      <section class="pedigree" aria-label="Pedigree">
        <div class="g1"><span class="sire">{{v}}</span><span class="dam">{{m}}</span></div>
        <div class="g2"><span>{{vv}}</span><span>{{vm}}</span><span>{{mv}}</span><span>{{mm}}</span></div>
        <div class="g3"><span>{{vvv}}</span><span>{{vvm}}</span><span>{{vmv}}</span><span>{{vmm}}</span><span>{{mvv}}</span><span>{{mvm}}</span><span>{{mmv}}</span><span>{{mmm}}</span></div>
      </section>
      {{/pedigree}}
      <section class="gallery">
        {{#pictures}}
        <a href="{{url}}"><img src="{{thumb}}" alt="{{alt}}" width="{{width}}" height="{{height}}" loading="lazy"></a>
        {{/pictures}}
      </section>
      <div class="sales">{{sales}}</div>
      <p><a class="inquiry" href="mailto:{{site.email}}?subject={{subject}}">{{site.inquire}}</a></p>
    </article>
    {{/main}}
    {{/layout}}

    """
}
