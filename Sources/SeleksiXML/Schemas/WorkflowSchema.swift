/// The XML Schema every file in `workflows/` must satisfy; `seleksi schema workflow` prints it.
public enum WorkflowSchema {
    public static let xsd = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!-- Seleksi workflow definition, version 1. Semantic rules (known states, roles, forms, reachability,
     expressions) are checked after this schema by `seleksi check`. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
  <xs:simpleType name="Id">
    <xs:restriction base="xs:string"><xs:pattern value="[a-z][a-z0-9_]*"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="DefinitionId">
    <xs:restriction base="xs:string"><xs:pattern value="[a-z][a-z0-9_]*"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="IdList">
    <xs:restriction base="xs:string"><xs:pattern value="(\*|[a-z][a-z0-9_]*)( (\*|[a-z][a-z0-9_]*))*"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="Duration">
    <xs:restriction base="xs:string"><xs:pattern value="P([0-9]+[YMWD])*(T([0-9]+[HMS])+)?"/></xs:restriction>
  </xs:simpleType>
  <xs:complexType name="Text">
    <xs:simpleContent>
      <xs:extension base="xs:string">
        <xs:attribute name="lang" use="required">
          <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="id"/><xs:enumeration value="en"/></xs:restriction></xs:simpleType>
        </xs:attribute>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>
  <xs:element name="workflow">
    <xs:annotation><xs:documentation>A workflow: a state machine whose transitions name the roles that may fire them, the forms they need, their guards and effects. Attributes: id; version; start-roles (roles that may start an instance; an owner-scoped role lets any registered actor start one); parent (the workflow of the instance this one runs under, so parent.… names are checked); calendar (the seed table of holidays the working-day functions read; default kalender/libur); parties (an expression giving further organisations of the instance, whose roles apply too).</xs:documentation></xs:annotation>
    <xs:complexType>
      <xs:sequence>
        <xs:element name="title" type="Text" minOccurs="1" maxOccurs="2"><xs:annotation><xs:documentation>The workflow's name, in Indonesian (lang="id", required) and English.</xs:documentation></xs:annotation></xs:element>
        <xs:element name="note" type="Text" minOccurs="0" maxOccurs="unbounded"><xs:annotation><xs:documentation>The reason behind a rule or the reading of an unclear text, for readers; ignored by the engine.</xs:documentation></xs:annotation></xs:element>
        <xs:element name="roles">
          <xs:annotation><xs:documentation>The roles of the process.</xs:documentation></xs:annotation>
          <xs:complexType><xs:sequence>
            <xs:element name="role" minOccurs="1" maxOccurs="unbounded">
              <xs:annotation><xs:documentation>A role. scope="organisation" (default): held by grant in an office and every office below it; scope="owner": the actor who started the instance. reads-ratings: a holder sees every rater's independent sheet.</xs:documentation></xs:annotation>
              <xs:complexType>
                <xs:sequence><xs:element name="label" type="Text" minOccurs="1" maxOccurs="2"><xs:annotation><xs:documentation>What people call it, in Indonesian (lang="id") and English (lang="en").</xs:documentation></xs:annotation></xs:element></xs:sequence>
                <xs:attribute name="id" type="Id" use="required"/>
                <xs:attribute name="scope" default="organisation">
                  <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="organisation"/><xs:enumeration value="owner"/></xs:restriction></xs:simpleType>
                </xs:attribute>
                <!-- A holder sees every rater's independent sheet (the chair), where a rater sees none before his own. -->
                <xs:attribute name="reads-ratings" type="xs:boolean" default="false"/>
              </xs:complexType>
            </xs:element>
          </xs:sequence></xs:complexType>
        </xs:element>
        <xs:element name="variables" minOccurs="0">
          <xs:annotation><xs:documentation>The instance's variables (vars.&lt;id&gt;).</xs:documentation></xs:annotation>
          <xs:complexType><xs:sequence>
            <xs:element name="variable" minOccurs="0" maxOccurs="unbounded">
              <xs:annotation><xs:documentation>A variable. initial: an expression computed at start (reads earlier variables, seed tables, the calendar; a value given at start or passed by the parent replaces it). proposes="form.field": the machine's proposal for a field a person fills; because: the variable holding its reasons.</xs:documentation></xs:annotation>
              <xs:complexType>
                <xs:sequence><xs:element name="label" type="Text" minOccurs="0" maxOccurs="2"><xs:annotation><xs:documentation>What people call the variable (for seleksi show).</xs:documentation></xs:annotation></xs:element></xs:sequence>
                <xs:attribute name="id" type="Id" use="required"/>
                <xs:attribute name="initial" type="xs:string"/>
                <!-- The machine's proposal for a field a person fills (form.field): its choice labels name
                     the value, and a review offers it as the answer; `because` names the variable of its reasons. -->
                <xs:attribute name="proposes">
                  <xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*"/></xs:restriction></xs:simpleType>
                </xs:attribute>
                <xs:attribute name="because" type="Id"/>
              </xs:complexType>
            </xs:element>
          </xs:sequence></xs:complexType>
        </xs:element>
        <!-- Who may write a form outside a transition: submit a first version, correct it (a new
             version with a reason), or withdraw a rater's sheet (with a reason). Anything else is refused. -->
        <xs:element name="submissions" minOccurs="0">
          <xs:annotation><xs:documentation>Who may write a form outside a transition.</xs:documentation></xs:annotation>
          <xs:complexType><xs:sequence>
            <xs:element name="allow" minOccurs="0" maxOccurs="unbounded">
              <xs:annotation><xs:documentation>action="submit" (a first version), "correct" (a new version with a reason) or "withdraw" (a rater's sheet); for form, by roles, in states (* for any).</xs:documentation></xs:annotation>
              <xs:complexType>
                <xs:attribute name="action" use="required">
                  <xs:simpleType><xs:restriction base="xs:string">
                    <xs:enumeration value="submit"/><xs:enumeration value="correct"/><xs:enumeration value="withdraw"/>
                  </xs:restriction></xs:simpleType>
                </xs:attribute>
                <xs:attribute name="form" type="DefinitionId" use="required"/>
                <xs:attribute name="roles" type="IdList" use="required"/>
                <xs:attribute name="states" type="IdList" use="required"/>
              </xs:complexType>
            </xs:element>
          </xs:sequence></xs:complexType>
        </xs:element>
        <!-- A key at most one instance may hold within its parent (or the whole database): claimed
             when `on` is accepted; only the SHA-256 of the value is stored. -->
        <xs:element name="unique" minOccurs="0" maxOccurs="unbounded">
          <xs:annotation><xs:documentation>A key at most one instance may hold within its parent (within="parent") or the database (within="all"), claimed when event `on` is accepted; only the SHA-256 of the value is stored.</xs:documentation></xs:annotation>
          <xs:complexType>
            <xs:sequence><xs:element name="message" type="Text" minOccurs="1" maxOccurs="2"><xs:annotation><xs:documentation>The refusal's text, in Indonesian and English.</xs:documentation></xs:annotation></xs:element></xs:sequence>
            <xs:attribute name="name" type="Id" use="required"/>
            <xs:attribute name="key" type="xs:string" use="required"/>
            <xs:attribute name="on" type="Id" use="required"/>
            <xs:attribute name="within" default="parent">
              <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="parent"/><xs:enumeration value="all"/></xs:restriction></xs:simpleType>
            </xs:attribute>
          </xs:complexType>
        </xs:element>
        <xs:element name="votes" minOccurs="0">
          <xs:annotation><xs:documentation>The votes the instance holds.</xs:documentation></xs:annotation>
          <xs:complexType><xs:sequence>
            <xs:element name="vote" minOccurs="1" maxOccurs="unbounded">
              <xs:annotation><xs:documentation>A vote, open while the instance stays in one of `states` (each stay is a round). roles: who may vote. rule: majority (more than half of the non-abstaining ballots, or at least `threshold` such as 2/3), unanimous (consensus), plurality (most votes; a tie decides nothing). quorum: all, a number, or a share of the eligible (2/3). choices (fixed) or candidates (an expression giving a list). abstain: a choice counted for the quorum only. secret: ballots and tally hidden from seleksi show until the round closes. changeable="false": a ballot cannot be changed. Guards read votes.&lt;id&gt;; cast with seleksi vote.</xs:documentation></xs:annotation>
              <xs:complexType>
                <xs:sequence><xs:element name="label" type="Text" minOccurs="0" maxOccurs="2"><xs:annotation><xs:documentation>What people call the vote.</xs:documentation></xs:annotation></xs:element></xs:sequence>
                <xs:attribute name="id" type="Id" use="required"/>
                <xs:attribute name="roles" type="IdList" use="required"/>
                <xs:attribute name="states" type="IdList" use="required"/>
                <xs:attribute name="rule" default="majority">
                  <xs:simpleType><xs:restriction base="xs:string">
                    <xs:enumeration value="unanimous"/><xs:enumeration value="majority"/><xs:enumeration value="plurality"/>
                  </xs:restriction></xs:simpleType>
                </xs:attribute>
                <xs:attribute name="quorum" default="all">
                  <xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="all|[1-9][0-9]*|[1-9][0-9]*/[1-9][0-9]*"/></xs:restriction></xs:simpleType>
                </xs:attribute>
                <xs:attribute name="threshold">
                  <xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[1-9][0-9]*/[1-9][0-9]*"/></xs:restriction></xs:simpleType>
                </xs:attribute>
                <xs:attribute name="secret" type="xs:boolean" default="false"/>
                <xs:attribute name="choices" type="IdList"/>
                <xs:attribute name="candidates" type="xs:string"/>
                <xs:attribute name="abstain" type="Id"/>
                <xs:attribute name="changeable" type="xs:boolean" default="true"/>
              </xs:complexType>
            </xs:element>
          </xs:sequence></xs:complexType>
        </xs:element>
        <xs:element name="states">
          <xs:annotation><xs:documentation>The states: exactly one initial, at least one final.</xs:documentation></xs:annotation>
          <xs:complexType><xs:sequence>
            <xs:element name="state" minOccurs="1" maxOccurs="unbounded">
              <xs:annotation><xs:documentation>A state. initial, final.</xs:documentation></xs:annotation>
              <xs:complexType>
                <xs:sequence>
                  <xs:element name="label" type="Text" minOccurs="1" maxOccurs="2"><xs:annotation><xs:documentation>What people call the state.</xs:documentation></xs:annotation></xs:element>
                  <xs:element name="note" type="Text" minOccurs="0" maxOccurs="unbounded"><xs:annotation><xs:documentation>The reason behind the state's rules, for readers.</xs:documentation></xs:annotation></xs:element>
                  <xs:element name="timer" minOccurs="0" maxOccurs="unbounded">
                    <xs:annotation><xs:documentation>Fires `event` as the system: `after` an ISO 8601 duration spent in the state (P14D, PT48H), or `at` the end of the date an expression gives (re-evaluated after every command, so it follows the date it reads; may read the parent, seed tables and the calendar). Only seleksi tick fires timers.</xs:documentation></xs:annotation>
                    <xs:complexType>
                      <xs:attribute name="event" type="Id" use="required"/>
                      <xs:attribute name="after" type="Duration"/>
                      <xs:attribute name="at" type="xs:string"/>
                    </xs:complexType>
                  </xs:element>
                </xs:sequence>
                <xs:attribute name="id" type="Id" use="required"/>
                <xs:attribute name="initial" type="xs:boolean" default="false"/>
                <xs:attribute name="final" type="xs:boolean" default="false"/>
              </xs:complexType>
            </xs:element>
          </xs:sequence></xs:complexType>
        </xs:element>
        <xs:element name="timers" minOccurs="0">
          <xs:annotation><xs:documentation>Timers declared once for several states.</xs:documentation></xs:annotation>
          <xs:complexType><xs:sequence>
            <xs:element name="timer" minOccurs="1" maxOccurs="unbounded">
              <xs:annotation><xs:documentation>A timer for every state listed in `states` (* for every state that is not final); otherwise as a state's timer.</xs:documentation></xs:annotation>
              <xs:complexType>
                <xs:attribute name="states" type="IdList" use="required"/>
                <xs:attribute name="event" type="Id" use="required"/>
                <xs:attribute name="after" type="Duration"/>
                <xs:attribute name="at" type="xs:string"/>
              </xs:complexType>
            </xs:element>
          </xs:sequence></xs:complexType>
        </xs:element>
        <xs:element name="transitions">
          <xs:annotation><xs:documentation>The transitions.</xs:documentation></xs:annotation>
          <xs:complexType><xs:sequence>
            <xs:element name="transition" minOccurs="1" maxOccurs="unbounded">
              <xs:annotation><xs:documentation>Fires on `event` from the states in `from` (* for any state that is not final) to `to`, by one of `roles` (system for timers and automatic transitions). quorum: all or k holders of its one role must fire it. auto: fired by the engine as soon as its guards hold (after a command on the instance, or on a child when its guards read the children). optional: nobody waits for it. signature="required": the actor signs. reason="required": a written reason is needed. Transitions sharing an event are tried in file order.</xs:documentation></xs:annotation>
              <xs:complexType>
                <xs:sequence>
                  <xs:element name="label" type="Text" minOccurs="0" maxOccurs="2"><xs:annotation><xs:documentation>What people call the event.</xs:documentation></xs:annotation></xs:element>
                  <xs:element name="note" type="Text" minOccurs="0" maxOccurs="unbounded"><xs:annotation><xs:documentation>The reason behind the transition's rules, for readers.</xs:documentation></xs:annotation></xs:element>
                  <xs:element name="requires" minOccurs="0" maxOccurs="unbounded">
                    <xs:annotation><xs:documentation>A form the command must bring (or that must be on file).</xs:documentation></xs:annotation>
                    <xs:complexType><xs:attribute name="form" type="DefinitionId" use="required"/></xs:complexType>
                  </xs:element>
                  <xs:element name="guard" minOccurs="0" maxOccurs="unbounded">
                    <xs:annotation><xs:documentation>A condition (test) that must hold; a refused command names every guard that failed, with its message.</xs:documentation></xs:annotation>
                    <xs:complexType>
                      <xs:sequence><xs:element name="message" type="Text" minOccurs="1" maxOccurs="2"><xs:annotation><xs:documentation>What a person is told when the guard does not hold, in Indonesian and English.</xs:documentation></xs:annotation></xs:element></xs:sequence>
                      <xs:attribute name="test" type="xs:string" use="required"/>
                    </xs:complexType>
                  </xs:element>
                  <xs:choice minOccurs="0" maxOccurs="unbounded">
                    <xs:element name="set">
                      <xs:annotation><xs:documentation>Sets variable `var` to the expression `value` (later effects read the new value).</xs:documentation></xs:annotation>
                      <xs:complexType>
                        <xs:attribute name="var" type="Id" use="required"/>
                        <xs:attribute name="value" type="xs:string" use="required"/>
                      </xs:complexType>
                    </xs:element>
                    <xs:element name="decision">
                      <xs:annotation><xs:documentation>Records a decision `name` with the command's reason (decisions.&lt;name&gt;).</xs:documentation></xs:annotation>
                      <xs:complexType>
                        <xs:attribute name="name" type="Id" use="required"/>
                        <xs:attribute name="value" type="xs:string" use="required"/>
                      </xs:complexType>
                    </xs:element>
                    <xs:element name="create">
                      <xs:annotation><xs:documentation>Starts `count` (default 1) instances of `workflow` under this one.</xs:documentation></xs:annotation>
                      <xs:complexType>
                        <xs:sequence>
                          <xs:element name="pass" minOccurs="0" maxOccurs="unbounded">
                            <xs:annotation><xs:documentation>Gives the created child's variable `var` the starting value `value`, computed in this instance.</xs:documentation></xs:annotation>
                            <xs:complexType>
                              <xs:attribute name="var" type="Id" use="required"/>
                              <xs:attribute name="value" type="xs:string" use="required"/>
                            </xs:complexType>
                          </xs:element>
                        </xs:sequence>
                        <xs:attribute name="workflow" type="DefinitionId" use="required"/>
                        <xs:attribute name="count" type="xs:string"/>
                      </xs:complexType>
                    </xs:element>
                    <!-- Fire `event` on every child in `state`. -->
                    <xs:element name="notify">
                      <xs:annotation><xs:documentation>Fires `event` on every child in `state`.</xs:documentation></xs:annotation>
                      <xs:complexType>
                        <xs:attribute name="state" type="Id" use="required"/>
                        <xs:attribute name="event" type="Id" use="required"/>
                      </xs:complexType>
                    </xs:element>
                    <xs:element name="grant">
                      <xs:annotation><xs:documentation>Gives `role` to the actors the expression `actors` names (the members listed in a decree), in the instance's organisation (or `org`), until the instance ends (until="instance-end"), until the end of a date (an expression), or with no end. An actor already holding the role there keeps it; an id that names no actor refuses the command. Each grant is an audited row.</xs:documentation></xs:annotation>
                      <xs:complexType>
                        <xs:attribute name="role" type="Id" use="required"/>
                        <xs:attribute name="actors" type="xs:string" use="required"/>
                        <xs:attribute name="org" type="xs:string"/>
                        <xs:attribute name="until" type="xs:string"/>
                      </xs:complexType>
                    </xs:element>
                    <!-- Rank the children in `state` within groups against quotas; see RankEffect. -->
                    <xs:element name="rank">
                      <xs:annotation><xs:documentation>Ranks the children in `state` within groups (group-by, per child) by `order` (expressions with asc/desc, separated by ;) against quotas (quota-rows in the parent, quota-key and quota-count per row); fires `selected` on those within the quota and `rest` on the others; stores each child's place in vars.&lt;variable&gt; (default peringkat). Ties fall to registration order.</xs:documentation></xs:annotation>
                      <xs:complexType>
                        <xs:attribute name="state" type="Id" use="required"/>
                        <xs:attribute name="group-by" type="xs:string" use="required"/>
                        <xs:attribute name="order" type="xs:string" use="required"/>
                        <xs:attribute name="quota-rows" type="xs:string" use="required"/>
                        <xs:attribute name="quota-key" type="xs:string" use="required"/>
                        <xs:attribute name="quota-count" type="xs:string" use="required"/>
                        <xs:attribute name="selected" type="Id" use="required"/>
                        <xs:attribute name="rest" type="Id" use="required"/>
                        <xs:attribute name="variable" type="Id" default="peringkat"/>
                      </xs:complexType>
                    </xs:element>
                  </xs:choice>
                </xs:sequence>
                <xs:attribute name="event" type="Id" use="required"/>
                <xs:attribute name="from" type="IdList" use="required"/>
                <xs:attribute name="to" type="Id" use="required"/>
                <xs:attribute name="roles" type="IdList" use="required"/>
                <xs:attribute name="quorum">
                  <xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="all|[1-9][0-9]*"/></xs:restriction></xs:simpleType>
                </xs:attribute>
                <xs:attribute name="auto" type="xs:boolean" default="false"/>
                <!-- A step a role may take but the process does not wait for (withdraw, cancel, declare a
                     conflict, reopen): never listed among anyone's tasks. -->
                <xs:attribute name="optional" type="xs:boolean" default="false"/>
                <!-- The actor signs the command with his registered Ed25519 key (the sign option of seleksi fire). -->
                <xs:attribute name="signature" default="optional">
                  <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="optional"/><xs:enumeration value="required"/></xs:restriction></xs:simpleType>
                </xs:attribute>
                <xs:attribute name="reason" default="optional">
                  <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="optional"/><xs:enumeration value="required"/></xs:restriction></xs:simpleType>
                </xs:attribute>
              </xs:complexType>
            </xs:element>
          </xs:sequence></xs:complexType>
        </xs:element>
        <!-- What `seleksi report` shows of this instance's children; see ReportDefinition. -->
        <xs:element name="report" minOccurs="0"><xs:annotation><xs:documentation>What seleksi report shows of this instance's children (attribute children: their workflow): categories, a score distribution, quotas filled and the funnel of stages.</xs:documentation></xs:annotation>
          <xs:complexType>
            <xs:sequence>
              <xs:element name="note" type="Text" minOccurs="0" maxOccurs="unbounded"><xs:annotation><xs:documentation>Why the report shows what it shows, for readers.</xs:documentation></xs:annotation></xs:element>
              <xs:element name="category" minOccurs="0"><xs:annotation><xs:documentation>The expression (value) that sorts children into categories, e.g. their programme; label names the heading.</xs:documentation></xs:annotation>
                <xs:complexType>
                  <xs:sequence><xs:element name="label" type="Text" minOccurs="1" maxOccurs="2"><xs:annotation><xs:documentation>The heading, in Indonesian (lang="id") and English.</xs:documentation></xs:annotation></xs:element></xs:sequence>
                  <xs:attribute name="value" type="xs:string" use="required"/>
                  <xs:attribute name="label" type="xs:string"/>
                </xs:complexType>
              </xs:element>
              <xs:element name="score" minOccurs="0"><xs:annotation><xs:documentation>The expression (value) of a child's score whose distribution is drawn, up to maximum (default 100).</xs:documentation></xs:annotation>
                <xs:complexType>
                  <xs:sequence><xs:element name="label" type="Text" minOccurs="1" maxOccurs="2"><xs:annotation><xs:documentation>The heading, in Indonesian (lang="id") and English.</xs:documentation></xs:annotation></xs:element></xs:sequence>
                  <xs:attribute name="value" type="xs:string" use="required"/>
                  <xs:attribute name="maximum" type="xs:positiveInteger" default="100"/>
                </xs:complexType>
              </xs:element>
              <xs:element name="quota" minOccurs="0"><xs:annotation><xs:documentation>The quota table (rows), the columns naming organisation, category and count, and the states (filled) of children that fill a place.</xs:documentation></xs:annotation>
                <xs:complexType>
                  <xs:attribute name="rows" type="xs:string" use="required"/>
                  <xs:attribute name="org" type="xs:string" use="required"/>
                  <xs:attribute name="category" type="xs:string" use="required"/>
                  <xs:attribute name="count" type="xs:string" use="required"/>
                  <xs:attribute name="filled" type="IdList" use="required"/>
                </xs:complexType>
              </xs:element>
              <xs:element name="funnel" minOccurs="0"><xs:annotation><xs:documentation>The stages children pass, in order; each counts the children that reached it.</xs:documentation></xs:annotation>
                <xs:complexType><xs:sequence>
                  <xs:element name="stage" minOccurs="1" maxOccurs="unbounded"><xs:annotation><xs:documentation>A stage of the funnel: the states (states) whose children have reached it.</xs:documentation></xs:annotation>
                    <xs:complexType>
                      <xs:sequence><xs:element name="label" type="Text" minOccurs="1" maxOccurs="2"><xs:annotation><xs:documentation>The heading, in Indonesian (lang="id") and English.</xs:documentation></xs:annotation></xs:element></xs:sequence>
                      <xs:attribute name="states" type="IdList" use="required"/>
                    </xs:complexType>
                  </xs:element>
                </xs:sequence></xs:complexType>
              </xs:element>
            </xs:sequence>
            <xs:attribute name="children" type="DefinitionId" use="required"/>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
      <xs:attribute name="id" type="DefinitionId" use="required"/>
      <xs:attribute name="version" type="xs:string" use="required"/>
      <!-- Roles that may start an instance. A role of scope="owner" here lets any registered actor
           start one (and own it): the public applying directly. -->
      <xs:attribute name="start-roles" type="IdList" use="required"/>
      <xs:attribute name="parent" type="DefinitionId"/>
      <xs:attribute name="calendar">
        <xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[a-z0-9_\-]+/[a-z0-9_\-]+"/></xs:restriction></xs:simpleType>
      </xs:attribute>
      <xs:attribute name="parties" type="xs:string"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
"""#
}
