import { IVR_TABS, navigate, type IvrTab } from '../app/router';
import { useLocale } from '../i18n/use-t';
import { AnsweringSetup } from './answering-setup';
import { DemoCaller } from './demo-caller';
import { Mailboxes } from './mailboxes';
import { PromptLibrary } from './prompt-library';
import { SoundCardTest } from './soundcard-test';
import { TreeEditor } from './tree-editor';
import { useIvrData } from './use-ivr-data';

/** The smart answering service: trees, prompts, mailboxes, and when and where trees answer. */
/** `tab`: from the route ('#/ivr/prompts'); a tab's button navigates. */
export function IvrScreen({ tab, treeId }: { tab: IvrTab; treeId: number | null }) {
  const { t } = useLocale();
  const data = useIvrData();
  const tabs = IVR_TABS;
  return (
    <div className="ivr-screen">
      <header className="ivr-head">
        <div>
          <h2>{t.ivr.title}</h2>
          <p className="muted">{t.ivr.intro}</p>
        </div>
      </header>
      <div className="ivr-tabs" role="tablist">
        {tabs.map((x) => (
          <button
            key={x}
            type="button"
            role="tab"
            aria-selected={tab === x}
            className={`tab${tab === x ? ' active' : ''}`}
            onClick={() => navigate({ screen: 'ivr', tab: x })}
            data-testid={`ivr-tab-${x}`}
          >
            {t.ivr.tabs[x]}
          </button>
        ))}
      </div>
      {tab === 'trees' && (
        <div className="ivr-trees-page">
          <TreeEditor treeId={treeId} trees={data.trees} prompts={data.prompts} mailboxes={data.mailboxes} />
          <div className="ivr-side">
            <DemoCaller lines={data.lines} trees={data.trees} />
            <SoundCardTest trees={data.trees} />
          </div>
        </div>
      )}
      {tab === 'prompts' && <PromptLibrary prompts={data.prompts} />}
      {tab === 'mailboxes' && <Mailboxes mailboxes={data.mailboxes} prompts={data.prompts} />}
      {tab === 'setup' && data.settings && <AnsweringSetup settings={data.settings} trees={data.trees} lines={data.lines} />}
    </div>
  );
}
