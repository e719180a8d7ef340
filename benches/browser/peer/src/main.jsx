import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import Model from 'react-body-highlighter';
import './style.css';

const SYMPTOMS = [
  'Pain lying on that side',
  'Pain when sitting',
  'Pain on stairs',
  'Pain at night',
];

function App() {
  const [view, setView] = useState('anterior');
  const [selected, setSelected] = useState([]);
  const [symptoms, setSymptoms] = useState({});

  const toggleMuscle = ({ muscle }) =>
    setSelected((s) => (s.includes(muscle) ? s.filter((m) => m !== muscle) : [...s, muscle]));

  const data = selected.length ? [{ name: 'Selected', muscles: selected }] : [];

  return (
    <main className="app">
      <h1>Where does it hurt?</h1>
      <div className="views" role="group" aria-label="Body view">
        <button
          type="button"
          data-bench="first-control"
          aria-pressed={view === 'anterior'}
          onClick={() => setView('anterior')}
        >
          Front
        </button>
        <button
          type="button"
          aria-pressed={view === 'posterior'}
          onClick={() => setView('posterior')}
        >
          Back
        </button>
      </div>

      <Model
        type={view}
        data={data}
        onClick={toggleMuscle}
        highlightedColors={['#d9534f']}
        style={{ width: '14rem', margin: '1rem auto' }}
      />

      <section>
        <h2>
          Selected (<span data-bench="selected-count">{selected.length}</span>)
        </h2>
        {selected.length === 0 ? (
          <p className="hint">Tap a muscle on the model to select it.</p>
        ) : (
          <ul className="selected">
            {selected.map((m) => (
              <li key={m}>{m.replace(/-/g, ' ')}</li>
            ))}
          </ul>
        )}
      </section>

      <fieldset>
        <legend>Symptoms</legend>
        {SYMPTOMS.map((label) => (
          <label key={label}>
            <input
              type="checkbox"
              checked={!!symptoms[label]}
              onChange={(e) => setSymptoms((s) => ({ ...s, [label]: e.target.checked }))}
            />
            {label}
          </label>
        ))}
      </fieldset>
    </main>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
