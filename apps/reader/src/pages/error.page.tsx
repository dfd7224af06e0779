export function ErrorPage({ status }: { status: 404 | 410 | 500 }) {
  const text = {
    404: { title: 'Page not found', body: 'There is no page at this address. It may have moved; try the home page or search.' },
    410: { title: 'This article is no longer available', body: 'The article that was here has been withdrawn by the publication.' },
    500: { title: 'Something went wrong', body: 'We could not show this page. Please try again in a moment.' },
  }[status];
  return (
    <div className="error-page">
      <h1>{text.title}</h1>
      <p>{text.body}</p>
      <p>
        <a href="/">Go to the home page</a>
      </p>
    </div>
  );
}
