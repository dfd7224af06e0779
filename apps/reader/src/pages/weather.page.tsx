import type { PublicWeather } from '@newsroom/domain';
import { AsOf, StaleNote } from '../components/widgets.tsx';
import { formatDay, formatTemperature } from '../components/widget-format.ts';

export function WeatherPage({
  weather,
  now,
  timeZone,
}: {
  weather: PublicWeather;
  now: Date;
  timeZone: string;
}) {
  return (
    <div className="widget-page">
      <h1>Weather</h1>
      {weather.locations.length === 0 ? (
        <div className="widget-empty">
          <p>Weather is not available right now.</p>
          <p>
            {weather.enabled
              ? 'Forecasts are on their way; please check back in a few minutes.'
              : 'Forecasts will appear here once the publication sets them up.'}
          </p>
        </div>
      ) : (
        <div className="weather-grid">
          {weather.locations.map((place, index) => (
            <section key={place.name} className="weather-card" aria-labelledby={`weather-${index}`}>
              <h2 id={`weather-${index}`}>{place.name}</h2>
              <p className="weather-card__now">
                <span className="weather-card__temp">
                  {formatTemperature(place.temperature, place.temperatureUnit)}
                </span>{' '}
                {place.description}
              </p>
              {place.windSpeed !== null ? (
                <p className="widget-meta">
                  Wind {Math.round(place.windSpeed)} {place.windSpeedUnit}
                </p>
              ) : null}
              <p className="widget-meta">
                As of <AsOf date={place.observedAt} now={now} timeZone={timeZone} />
              </p>
              <StaleNote date={place.observedAt} now={now} staleAfterMinutes={weather.staleAfterMinutes}>
                This report may be out of date: we have not had a newer one from our weather service.
              </StaleNote>
              {place.daily.length > 0 ? (
                <table className="forecast">
                  <caption>Forecast for {place.name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Day</th>
                      <th scope="col" className="num">
                        High
                      </th>
                      <th scope="col" className="num">
                        Low
                      </th>
                      <th scope="col">Conditions</th>
                    </tr>
                  </thead>
                  <tbody>
                    {place.daily.map((day) => (
                      <tr key={day.date}>
                        <th scope="row">{formatDay(day.date)}</th>
                        <td className="num">
                          {day.max === null ? '–' : formatTemperature(day.max, place.temperatureUnit)}
                        </td>
                        <td className="num">
                          {day.min === null ? '–' : formatTemperature(day.min, place.temperatureUnit)}
                        </td>
                        <td>{day.description}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
