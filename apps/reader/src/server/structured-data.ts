import type { PublicArticle, PublicBranding } from '@newsroom/domain';

const absolute = (publicUrl: string, url: string) => (url.startsWith('/') ? `${publicUrl}${url}` : url);

/** schema.org NewsArticle for an article page, including its rights. */
export function newsArticleLd(article: PublicArticle, branding: PublicBranding, publicUrl: string) {
  const url = `${publicUrl}${article.url}`;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: article.headline,
    description: article.seo.description,
    datePublished: article.publishedAt.toISOString(),
    dateModified: article.updatedAt.toISOString(),
    wordCount: article.wordCount,
    articleSection: article.section?.name,
    keywords: article.tags.map((t) => t.name),
    image: article.image
      ? [
          {
            '@type': 'ImageObject',
            url: absolute(publicUrl, article.image.url),
            width: article.image.width ?? undefined,
            height: article.image.height ?? undefined,
            caption: article.image.caption || undefined,
            creditText: article.image.credit ?? undefined,
            creator: article.image.creator ? { '@type': 'Person', name: article.image.creator } : undefined,
            copyrightNotice: article.image.copyrightHolder ?? undefined,
            license: article.image.licenseUrl ?? undefined,
          },
        ]
      : undefined,
    author: article.authors.map((a) => ({ '@type': 'Person', name: a.name, url: `${publicUrl}${a.url}` })),
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: branding.name,
      url: publicUrl,
      logo: branding.logo ? { '@type': 'ImageObject', url: absolute(publicUrl, branding.logo.url) } : undefined,
    },
    copyrightHolder: { '@type': 'Organization', name: article.rights.copyrightHolder },
    copyrightYear: article.rights.copyrightYear,
    copyrightNotice: article.rights.notice,
    license: article.rights.license.url ?? undefined,
    isAccessibleForFree: true,
  };
}

export function breadcrumbLd(items: Array<{ name: string; url: string }>, publicUrl: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({ '@type': 'ListItem', position: index + 1, name: item.name, item: absolute(publicUrl, item.url) })),
  };
}

export function websiteLd(branding: PublicBranding, publicUrl: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: branding.name,
    url: publicUrl,
    description: branding.description,
  };
}
